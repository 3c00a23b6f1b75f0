// The import's small rules, one at a time: dates, permalinks, WordPress bodies and shortcodes.
import { describe, expect, it } from "vitest";
import { kitDate, splitFileNameDate } from "../../src/import/dates.ts";
import { expandPermalink } from "../../src/import/permalink.ts";
import { prepareBody, renderBody } from "../../src/import/wordpress-body.ts";
import { expandShortcodes, parseShortcodeAttributes } from "../../src/import/wordpress-shortcodes.ts";
import { videoEmbed } from "../../src/import/embeds.ts";
import { wordPressDate } from "../../src/import/wordpress.ts";
import { resolveSiteBase } from "../../src/import/liquid.ts";
import { DateTime } from "luxon";

const body = (html: string) => renderBody(prepareBody(expandShortcodes(html, { attachments: new Map(), imagesOfPost: () => [] })), () => undefined);

describe("dates as other generators write them", () => {
  it.each([
    ["2016-07-18", "2016-07-18"],
    ["2016-7-8", "2016-07-08"],
    ["2024-03-12T10:00", "2024-03-12T10:00:00-04:00"],
    ["2015-03-17 14:00", "2015-03-17T14:00:00-04:00"],
    ["2015-01-17 14:00", "2015-01-17T14:00:00-05:00"],
    ["2015-03-17 14:00:00 -4", "2015-03-17T14:00:00-04:00"],
    ["2015-03-17 14:00:00 -0400", "2015-03-17T14:00:00-04:00"],
    ["2015-03-17T14:00:00+05:30", "2015-03-17T14:00:00+05:30"],
    ["2015-03-17 09:05:00 Z", "2015-03-17T09:05:00Z"],
    ["2024-03-12T10:00:00.250-05:00", "2024-03-12T10:00:00.250-05:00"],
  ])("%s → %s", (written, expected) => {
    expect(kitDate(written, "America/New_York")).toBe(expected);
  });

  it("refuses what is not a date", () => {
    expect(kitDate("last Tuesday", "UTC")).toBeUndefined();
    expect(kitDate("2024-02-30", "UTC")).toBeUndefined();
  });

  it("reads Jekyll's date prefix of a file name", () => {
    expect(splitFileNameDate("2016-07-18-river-walk")).toEqual({ date: "2016-07-18", rest: "river-walk" });
    expect(splitFileNameDate("river-walk")).toEqual({ rest: "river-walk" });
  });

  it("gives a WordPress post the offset it was written with, and a draft the publication's zone", () => {
    expect(wordPressDate("2024-05-14 08:30:00", "2024-05-14 12:30:00", "UTC")).toBe("2024-05-14T08:30:00-04:00");
    expect(wordPressDate("2024-06-10 16:45:00", "0000-00-00 00:00:00", "Europe/Madrid")).toBe("2024-06-10T16:45:00+02:00");
  });
});

describe("permalink patterns", () => {
  const post = { date: DateTime.fromISO("2016-07-08T09:05:00", { zone: "America/New_York" }), fileSlug: "river-walk", title: "The River Walk Opens", categories: ["City News"], sections: ["posts"] };

  it("expands Jekyll's placeholders and named styles", () => {
    expect(expandPermalink("/:year/:month/:day/:title/", post, "jekyll")).toBe("/2016/07/08/river-walk/");
    expect(expandPermalink("/:short_year/:i_month/:i_day/:title", post, "jekyll")).toBe("/16/7/8/river-walk");
    expect(expandPermalink("date", post, "jekyll")).toBe("/city news/2016/07/08/river-walk.html");
    expect(expandPermalink("pretty", { ...post, categories: [] }, "jekyll")).toBe("/2016/07/08/river-walk/");
  });

  it("expands Hugo's, where :title and :slug come from the title", () => {
    expect(expandPermalink("/:section/:slug/", post, "hugo")).toBe("/posts/the-river-walk-opens/");
    expect(expandPermalink("/:year/:month/:filename/", { ...post, slug: "walk" }, "hugo")).toBe("/2016/07/river-walk/");
  });
});

describe("WordPress bodies", () => {
  it("makes paragraphs of blank-line-separated text and keeps blocks whole", () => {
    expect(body("One.\nStill one.\n\nTwo <em>and\nmore</em>.\n<ul>\n<li>a</li>\n</ul>")).toBe("<p>One.<br>\nStill one.</p>\n\n<p>Two <em>and<br>\nmore</em>.</p>\n\n<ul>\n<li>a</li>\n</ul>\n");
  });

  it("keeps blank lines of preformatted text without ending the Markdown block", () => {
    expect(body("<pre>line 1\n\nline 3</pre>")).toBe("<pre>line 1&#10;\nline 3</pre>\n");
  });

  it("puts a marker written inside a paragraph on a line of its own, splitting the paragraph", () => {
    expect(body("<p>Before <!--more Read the rest--> after.</p>")).toBe("<p>Before </p>\n\n<!--more-->\n\n<p> after.</p>\n");
  });

  it("turns escaped shortcodes into their text and leaves unknown ones alone", () => {
    expect(body("Use [[caption]] like this. [audio src=\"x.mp3\"]")).toBe('<p>Use [caption] like this. [audio src="x.mp3"]</p>\n');
  });

  it("reads shortcode attributes as WordPress does", () => {
    expect([...parseShortcodeAttributes(' ids="1,2" columns=3 link=\'file\' standalone')]).toEqual([
      ["ids", "1,2"],
      ["columns", "3"],
      ["link", "file"],
    ]);
  });

  it("knows the video link forms of YouTube and Vimeo, and nothing else", () => {
    expect(videoEmbed("https://youtu.be/Qm7dX2pL9aE?t=4")?.src).toBe("https://www.youtube-nocookie.com/embed/Qm7dX2pL9aE");
    expect(videoEmbed("https://m.youtube.com/shorts/Qm7dX2pL9aE")?.src).toBe("https://www.youtube-nocookie.com/embed/Qm7dX2pL9aE");
    expect(videoEmbed("https://vimeo.com/channels/staffpicks/76979871")?.src).toBe("https://player.vimeo.com/video/76979871");
    expect(videoEmbed("https://example.org/watch?v=Qm7dX2pL9aE")).toBeUndefined();
  });
});

describe("Liquid site-base references", () => {
  it("become plain site paths", () => {
    expect(resolveSiteBase('![a]({{ site.baseurl }}/a.jpg) [b]({{ "/b/" | relative_url }}) {{site.url}}{{ site.baseurl }}/c {{ \'d.png\' | absolute_url }}')).toBe("![a](/a.jpg) [b](/b/) /c /d.png");
  });
});
