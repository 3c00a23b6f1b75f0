import { describe, expect, it } from "vitest";
import {
  automaticDek,
  countWords,
  cutAtSentence,
  decodeHtml,
  plainText,
  readingMinutes,
  renderArticle,
  renderFirstParagraph,
  renderInlineMarkdown,
  renderMarkdown,
  splitBody,
  truncateText,
} from "../../src/markdown/index.ts";

describe("body markers", () => {
  it("split an article into pages on <!--nextpage--> lines and drop the markers", () => {
    const { parts } = splitBody("One.\n\n<!--nextpage-->\n\nTwo.\n  <!--nextpage-->  \nThree.");
    expect(parts).toEqual(["One.", "Two.", "Three."]);
  });

  it("cut the excerpt at the first <!--more--> line, which never shows in the body", () => {
    const { parts, excerpt } = splitBody("Lead paragraph.\n\n<!--more-->\n\nThe rest.");
    expect(excerpt).toBe("Lead paragraph.");
    expect(parts).toHaveLength(1);
    expect(renderArticle(parts).partsHtml[0]).toBe("<p>Lead paragraph.</p>\n<p>The rest.</p>\n");
  });

  it("are found with any spacing and in any case", () => {
    const { parts, excerpt } = splitBody("Lead.\n<!-- more -->\nRest.\n\n<!--  NextPage-->\n\nPage two.\n\n<!--NEXTPAGE   -->\nPage three.");
    expect(excerpt).toBe("Lead.");
    expect(parts).toEqual(["Lead.\nRest.", "Page two.", "Page three."]);
  });

  it("leave a marker inside a sentence alone", () => {
    const { parts, excerpt } = splitBody("Editors type <!--nextpage--> in prose.");
    expect(parts).toHaveLength(1);
    expect(excerpt).toBeUndefined();
  });

  it("are text inside fenced and indented code blocks", () => {
    const body = "How to split a story:\n\n```\n<!--nextpage-->\n<!-- more -->\n```\n\nOr indented:\n\n    <!--nextpage-->\n\nEnd.";
    const { parts, excerpt } = splitBody(body);
    expect(parts).toEqual([body]);
    expect(excerpt).toBeUndefined();
    expect(renderArticle(parts).partsHtml[0]).toContain("<pre><code>&lt;!--nextpage--&gt;\n&lt;!-- more --&gt;\n</code></pre>");
  });

  it("report where each page starts", () => {
    expect(splitBody("a\nb\n<!--nextpage-->\nc").partLines).toEqual([1, 4]);
  });
});

describe("bios and captions", () => {
  it("show raw HTML as text", () => {
    const html = renderMarkdown('Hello <div class="x">unclosed <script>alert(1)</script>');
    expect(html).not.toContain("<div");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });

  it("keep links, block quotes, lists and subheads; h1 becomes h2", () => {
    const html = renderMarkdown("# Big\n\n## Sub\n\n> Quote\n\n- item\n\n[Courier](https://courier.example.com/a?b=1&c=2)");
    expect(html).toContain("<h2>Big</h2>");
    expect(html).toContain("<h2>Sub</h2>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<li>item</li>");
    expect(html).toContain('<a href="https://courier.example.com/a?b=1&amp;c=2">Courier</a>');
  });

  it("render only the first paragraph of a bio", () => {
    expect(renderFirstParagraph("First *para*.\n\nSecond.")).toBe("<p>First <em>para</em>.</p>\n");
  });

  it("render a caption's links and emphasis inline", () => {
    expect(renderInlineMarkdown("Photo: *Ana Ruiz* for [The Courier](https://courier.example.com) <b>")).toBe(
      'Photo: <em>Ana Ruiz</em> for <a href="https://courier.example.com">The Courier</a> &lt;b&gt;',
    );
  });
});

describe("summaries", () => {
  it("are plain text of the cleaned body: no markup and no entities", () => {
    expect(plainText("A [link](https://x.example) & **bold** <strong>strong</strong> &amp; &lt;tags&gt; <b>")).toBe("A link & bold strong & <tags>");
    expect(plainText("Café&nbsp;society &mdash; <em>&quot;quoted&quot;</em>")).toBe('Café society — "quoted"');
  });

  it("leave out headings, captions, tables, code, footnotes and scripts", () => {
    const body = "## Background\n\nThe vote[^1] passed.\n\n<figure><img src=\"a.jpg\" alt=\"A\"><figcaption>Photo credit</figcaption></figure>\n\n| a |\n|---|\n| cell |\n\n```\ncode()\n```\n\n<script>alert(1)</script>\n\nIt was close.\n\n[^1]: On Monday.";
    expect(plainText(body)).toBe("The vote passed. It was close.");
  });

  it("separate the words of blocks that touch in HTML", () => {
    expect(plainText("<ul><li>one</li><li>two</li></ul><p>three</p>")).toBe("one two three");
  });

  it("cut a long text at a sentence end, or at a word when the first sentence is too long", () => {
    const sentence = "The council approved the budget after a long debate about roads. ";
    expect(cutAtSentence(sentence.repeat(10).trim(), 300)).toBe(sentence.repeat(4).trim());
    const oneLong = `Short. ${"word ".repeat(100)}`.trim();
    const cut = cutAtSentence(oneLong, 300);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cutAtSentence("Short text.", 300)).toBe("Short text.");
    expect(truncateText("one two three four", 12)).toBe("one two…");
  });

  it("make an automatic dek from the excerpt, or from the start of the body — not a whole long paragraph", () => {
    expect(automaticDek({ parts: ["Body."], excerpt: "The **excerpt** the editor set." })).toBe("The excerpt the editor set.");
    const paragraph = Array.from({ length: 12 }, (_, index) => `Sentence number ${index + 1} of a long first paragraph.`).join(" ");
    const dek = automaticDek({ parts: [`${paragraph}\n\nSecond paragraph.`] });
    expect(dek.length).toBeLessThanOrEqual(300);
    expect(dek.length).toBeGreaterThan(200);
    expect(dek).toMatch(/^Sentence number 1 .*\.$/);
    expect(automaticDek({ parts: ["A short story."] })).toBe("A short story.");
  });

  it("decode every entity of escaped text", () => {
    expect(decodeHtml("Fish &amp; chips &lt;b&gt; &quot;x&quot; &#39;y&#39; &#x2014; &eacute;t&eacute; &hellip;")).toBe("Fish & chips <b> \"x\" 'y' — été …");
  });
});

describe("counts", () => {
  it("count words and reading time", () => {
    expect(countWords("The governor’s plan, in 2025: a state-wide deal.")).toBe(8);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(1150)).toBe(5);
  });
});
