// Real article copy: raw HTML kept and cleaned, embeds from allowed hosts, tables, footnotes,
// heading anchors, body images through the image pipeline and attachments — and hostile or
// careless markup that must leave nothing executable and the page around the body intact.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { makePublication, runBuild, runScript, tempDir } from "../helpers/build.ts";
import { fileForUrl, readPage, text } from "../helpers/site.ts";
import { parseXml } from "../helpers/xml.ts";

const url = "/2025/05/everything/";
const body = `Our lead paragraph, with a [link](https://example.org/report) and <mark>marked</mark>, <abbr title="General Assembly">GA</abbr>, H<sub>2</sub>O, x<sup>2</sup> and <time datetime="2025-05-01">May 1</time>.

## Background

<blockquote><p>Per the Post: "The vote slipped."</p><cite>The Post</cite></blockquote>

| County | Votes |
| --- | ---: |
| Harlow | 1,204 |
| Kell | 311 |

The counts are unofficial.[^1]

## Background

![A map of the river counties](maps/counties.png)

<figure><img src="/img/chart.png" alt="A bar chart of votes by county"><figcaption>Votes by county.</figcaption></figure>

![](/img/chart.png)

<dl><dt>Quorum</dt><dd>Twenty-six members.</dd></dl>

<details><summary>Method</summary><p>We counted by hand.</p></details>

Read the [full filing](filing.pdf) or the [data](/files/votes.csv).

<iframe src="https://www.youtube.com/embed/abc123"></iframe>

<iframe src="https://tracker.example.net/widget"></iframe>

<blockquote class="bluesky-embed"><p>A post from the floor.</p></blockquote>
<script async src="https://embed.bsky.app/static/embed.js"></script>

<img src="https://example.org/x.png" alt="" onerror="alert(1)">
<a href="javascript:alert(2)">a trap</a>
<svg onload="alert(3)"><circle r="4"></circle></svg>
<style>body { display: none }</style>
<iframe srcdoc="<script>alert(4)</script>"></iframe>
<form action="/steal"><input name="q"></form>

{% image "old.jpg" %}

[caption id="attachment_1"]A WordPress caption[/caption]

<div class="pull-quote">An unclosed pull quote

</article></main>

The last paragraph survives.

[^1]: Counted by the clerk's office.
`;

const post = `---
title: Everything a real article holds
date: 2025-05-01T10:00:00-04:00
author: maya-okafor
category: statehouse
---
${body}`;

describe("an article with real copy", () => {
  let site: string;
  let content: string;
  beforeAll(() => {
    content = makePublication({ "everything.md": post, "maps/counties.png": readFileSync(path.join(import.meta.dirname, "../../posts/2026/ferry-ridership/riverbend-landing.png")), "filing.pdf": "%PDF-1.4 a filing" }, { "img/chart.png": readFileSync(path.join(import.meta.dirname, "../../img/posts/ferry-at-dusk.png")), "files/votes.csv": "county,votes\nHarlow,1204\n" });
    site = path.join(tempDir("out"), "_site");
    const result = runBuild(content, site);
    expect(result.status, result.stderr).toBe(0);
  });

  it("keeps the safe copy: every allowed element, a scrolling table, footnotes, unique heading anchors", () => {
    const page = readPage(site, url);
    const article = page.querySelector(".article-body")!;
    for (const selector of ["mark", "abbr[title]", "sub", "sup", "time[datetime]", "blockquote cite", ".table-scroll > table", "dl dt", "details summary", "section.footnotes li", "figure figcaption"]) {
      expect(article.querySelector(selector), selector).not.toBeNull();
    }
    expect(text(article)).toContain("The last paragraph survives.");
    const headings = [...article.querySelectorAll("h2")].map((heading) => heading.id);
    expect(headings.filter((id) => id.startsWith("background"))).toHaveLength(2);
    expect(new Set(headings).size).toBe(headings.length);
    for (const id of headings) expect(article.querySelector(`a[href="#${id}"]`), id).not.toBeNull();
  });

  it("leaves nothing executable and the page around the body intact", () => {
    const html = readFileSync(fileForUrl(site, url), "utf8");
    const page = readPage(site, url);
    const article = page.querySelector(".article-body")!;
    expect(article.innerHTML).not.toMatch(/<script|<style|<svg|<form|\son\w+=|javascript:|srcdoc/i);
    expect(html.match(/<script/g)).toHaveLength(1); // the page's own JSON-LD only
    expect(page.querySelector("article.article aside.author-boxes")).not.toBeNull();
    expect(page.querySelector("main")!.querySelectorAll("article.article")).toHaveLength(1);
    expect(page.querySelector("footer.site-footer")).not.toBeNull();
  });

  it("keeps iframes only from allowed hosts, lazy, titled and sandboxed, and a social post's fallback without its script", () => {
    const iframes = [...readPage(site, url).querySelectorAll(".article-body iframe")];
    expect(iframes.map((iframe) => iframe.getAttribute("src"))).toEqual(["https://www.youtube.com/embed/abc123"]);
    const [embed] = iframes;
    expect(embed!.getAttribute("loading")).toBe("lazy");
    expect(embed!.getAttribute("title")).toBeTruthy();
    expect(embed!.getAttribute("sandbox")).toContain("allow-scripts");
    expect(embed!.getAttribute("referrerpolicy")).toBe("strict-origin-when-cross-origin");
    expect(text(readPage(site, url).querySelector(".article-body blockquote.bluesky-embed"))).toBe("A post from the floor.");
  });

  it("serves body images as responsive pictures and publishes attachments", () => {
    const pictures = [...readPage(site, url).querySelectorAll(".article-body picture")];
    expect(pictures.length).toBeGreaterThanOrEqual(3);
    for (const picture of pictures) {
      const image = picture.querySelector("img")!;
      expect(picture.querySelector('source[type="image/webp"]')!.getAttribute("srcset")).toMatch(/\/assets\/img\/\S+-400\.webp 400w/);
      expect(image.getAttribute("loading")).toBe("lazy");
      expect(image.getAttribute("decoding")).toBe("async");
      expect(Number(image.getAttribute("width"))).toBeGreaterThan(0);
      expect(existsSync(fileForUrl(site, image.getAttribute("src")!))).toBe(true);
    }
    expect(readFileSync(fileForUrl(site, "/posts/filing.pdf"), "utf8")).toBe("%PDF-1.4 a filing");
    expect(readFileSync(fileForUrl(site, "/files/votes.csv"), "utf8")).toContain("Harlow");
    expect(readPage(site, url).querySelector('.article-body a[href="/posts/filing.pdf"]')).not.toBeNull();
    // The originals are not published: only what pages use.
    expect(existsSync(fileForUrl(site, "/img/chart.png"))).toBe(false);
  });

  it("gives feeds the same cleaned HTML, images as their largest rendition with absolute URLs", () => {
    const rss = readFileSync(fileForUrl(site, "/feed.xml"), "utf8");
    const item = [...parseXml(rss).getElementsByTagName("item")].find((candidate) => candidate.getElementsByTagName("link")[0]!.textContent!.endsWith(url))!;
    const html = item.getElementsByTagName("content:encoded")[0]!.textContent!;
    expect(html).toContain("The last paragraph survives.");
    expect(html).not.toMatch(/<script|<style|<svg|\son\w+=|javascript:|srcdoc/i);
    expect(html).toMatch(/<img [^>]*src="https:\/\/ledger\.example\.org\/assets\/img\/\S+-1200\.jpeg"/);
    expect(html).not.toContain("<picture");
  });

  it("indexes the cleaned text for search, without the markup", () => {
    const fragments = path.join(site, "pagefind", "fragment");
    const texts = readdirSync(fragments).map((file) => gunzipSync(readFileSync(path.join(fragments, file))).toString("utf8"));
    const fragment = texts.find((candidate) => candidate.includes("Everything a real article holds"))!;
    expect(fragment).toContain("The last paragraph survives");
    expect(fragment).not.toMatch(/alert\(|<script/);
  });

  it("is reported by check at the lines the cleaning changes", () => {
    const result = runScript("scripts/validate.ts", ["--content", content]);
    const line = (text: string) => 7 + body.split("\n").findIndex((candidate) => candidate.includes(text));
    expect(result.stdout).toContain(`posts/everything.md:${line("embed.bsky.app")}: warning: <script> removed from the body`);
    expect(result.stdout).toContain(`posts/everything.md:${line("tracker.example.net")}: warning:`);
    expect(result.stdout).toMatch(new RegExp(`posts/everything\\.md:${line("tracker.example.net")}: warning: .*tracker\\.example\\.net.*embedHosts`));
    expect(result.stdout).toMatch(new RegExp(`posts/everything\\.md:${line("{% image")}: warning: .*\\{% image`));
    expect(result.stdout).toMatch(new RegExp(`posts/everything\\.md:${line("[caption")}: warning: .*caption`));
    expect(result.stdout).toMatch(new RegExp(`posts/everything\\.md:${line("![](/img/chart.png)")}: warning: image /img/chart\\.png has no alt text`));
    expect(result.status).toBe(0);
  });

  it("refuses a missing body image or attachment in check, naming file and line", () => {
    const broken = makePublication({ "a.md": post.replace("filing.pdf", "missing.pdf").replace("maps/counties.png", "maps/gone.png") });
    const result = runScript("scripts/validate.ts", ["--content", broken]);
    expect(result.status).toBe(1);
    const line = (text: string) => 7 + body.split("\n").findIndex((candidate) => candidate.includes(text));
    expect(result.stdout).toContain(`posts/a.md:${line("maps/counties.png")}: image file maps/gone.png not found — add it under img/ or correct the path`);
    expect(result.stdout).toContain(`posts/a.md:${line("filing.pdf")}: link file missing.pdf not found — add it to the publication folder (e.g. files/) or correct the path`);
  });

  it("refuses nesting past the Markdown reader's limit, which would silently drop the rest of the article", () => {
    const nested = Array.from({ length: 120 }, (_, level) => `${"  ".repeat(level)}- level ${level + 1}`).join("\n");
    const deep = makePublication({ "deep.md": post.replace(body, `Intro.\n\n${nested}\n\nThe last paragraph.\n`) });
    const result = runScript("scripts/validate.ts", ["--content", deep]);
    expect(result.status).toBe(1);
    // Fifty lists in lists are a hundred elements: list 49 (file line 57) is where the reader stops.
    expect(result.stdout).toContain("posts/deep.md:57: lists or quotes are nested here more than 100 elements deep, past what the Markdown reader follows — everything after this line would be lost; unnest them");
    const output = path.join(tempDir("out"), "_site");
    expect(runBuild(deep, output).status).toBe(1);
    expect(existsSync(output)).toBe(false);
  });

  it("refuses an attachment that would be published over one of the site's own files", () => {
    const content = makePublication({ "a.md": post.replace(body, "The [raw feed](/feed.xml) as we kept it.\n") }, { "feed.xml": "<rss/>" });
    const result = runScript("scripts/validate.ts", ["--content", content]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("posts/a.md: /feed.xml would be published at /feed.xml, which is the site's rss (/feed.xml) — move the file, e.g. under files/");
  });
});
