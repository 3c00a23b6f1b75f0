import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import type { Picture } from "../../src/images/index.ts";
import { DEFAULT_EMBED_HOSTS, renderArticle, type RenderOptions } from "../../src/markdown/index.ts";

/** A body's HTML inside a page: what follows the body must stay outside it, whatever the body holds. */
function page(bodyHtml: string) {
  const { document } = parseHTML(`<!doctype html><html><body><article><div class="article-body">${bodyHtml}</div><footer id="after-body">Page footer</footer></article></body></html>`);
  return document;
}

function render(markdown: string, options?: RenderOptions) {
  return page(renderArticle([markdown], options).partsHtml[0]!);
}

/** What the image pipeline gives for a photo: WebP and JPEG at two widths. */
function photo(name: string): Picture {
  return {
    sources: [
      { type: "image/webp", srcset: `/assets/img/${name}-400.webp 400w, /assets/img/${name}-800.webp 800w` },
      { type: "image/jpeg", srcset: `/assets/img/${name}-400.jpeg 400w, /assets/img/${name}-800.jpeg 800w` },
    ],
    src: `/assets/img/${name}-800.jpeg`,
    width: 800,
    height: 600,
    largest: { url: `/assets/img/${name}-800.jpeg`, width: 800, height: 600, size: 80_000 },
    thumbnail: `/assets/img/${name}-400.jpeg`,
  };
}

const EVERY_ELEMENT = `# A level-one heading

Intro with *emphasis*, **strong**, \`code\`, H<sub>2</sub>O, E = mc<sup>2</sup>, <mark>marked</mark>, <abbr title="Environmental Protection Agency">EPA</abbr>, <time datetime="2024-05-01">May 1</time>, <q cite="https://example.org/q">a quote</q>, <del>old</del> <ins>new</ins>, <small>small print</small>, <kbd>Ctrl</kbd>, <span class="highlight">a span</span>.<br>
After a break.

## Level two

### Level three

#### Level four

##### Level five

###### Level six

- bullet one
- bullet two

1. first
2. second

<ol start="3"><li value="3">third</li></ol>

> A Markdown quote.

<blockquote cite="https://example.org/source"><p>A quote in HTML.</p><cite>The Source</cite></blockquote>

<figure class="photo">
<img src="https://images.example.org/harbour.jpg" alt="The harbour at dawn" width="800" height="600">
<figcaption>The harbour, with <a href="https://example.org/credit" title="Photographer" rel="author">credit</a>.</figcaption>
</figure>

<table>
<caption>Budget lines</caption>
<thead><tr><th scope="col">Line</th><th scope="col">Amount</th></tr></thead>
<tbody><tr><td>Roads</td><td>12</td></tr></tbody>
<tfoot><tr><td colspan="2">Total 12</td></tr></tfoot>
</table>

<dl><dt>Levy</dt><dd>A tax on a particular thing.</dd></dl>

<details><summary>How we counted</summary><p>By hand, twice.</p></details>

<div class="note">A note in a div.</div>

\`\`\`js
const ratio = 1 < 2;
\`\`\`

---

The end.
`;

describe("article copy", () => {
  const document = render(EVERY_ELEMENT);
  const body = document.querySelector(".article-body")!;

  it("keeps every element and attribute of article copy", () => {
    for (const selector of [
      "em", "strong", "code", "sub", "sup", "mark", 'abbr[title="Environmental Protection Agency"]', 'time[datetime="2024-05-01"]',
      'q[cite="https://example.org/q"]', "del", "ins", "small", "kbd", "span.highlight", "br",
      "h2", "h3", "h4", "h5", "h6", "ul > li", 'ol[start="3"] > li[value="3"]', "blockquote > p",
      'blockquote[cite="https://example.org/source"] > cite', "figure.photo > figcaption",
      'figcaption a[href="https://example.org/credit"][title="Photographer"][rel="author"]',
      "table > caption", 'th[scope="col"]', "tbody td", 'tfoot td[colspan="2"]', "dl > dt", "dl > dd",
      "details > summary", "details > p", "div.note", 'pre > code.language-js', "hr",
    ]) {
      expect(body.querySelector(selector), selector).not.toBeNull();
    }
    expect(body.querySelector("pre")!.textContent).toBe("const ratio = 1 < 2;\n");
    expect(body.textContent).toContain("The end.");
  });

  it("makes the level-one heading a level-two one: the headline is the page's h1", () => {
    expect(body.querySelector("h1")).toBeNull();
    expect(body.querySelector("h2")!.textContent).toBe("A level-one heading");
  });

  it("keeps remote images remote, loaded lazily", () => {
    const image = body.querySelector("figure img")!;
    expect(image.getAttribute("src")).toBe("https://images.example.org/harbour.jpg");
    expect(image.getAttribute("alt")).toBe("The harbour at dawn");
    expect(image.getAttribute("loading")).toBe("lazy");
    expect(image.getAttribute("decoding")).toBe("async");
  });
});

describe("tables", () => {
  it("scroll sideways in a labelled region a keyboard can reach, keeping column alignment", () => {
    const document = render("| Town | Votes |\n|:-----|------:|\n| Alder | 1,204 |\n| Birch | 980 |\n\n<table><caption>Turnout</caption><tr><td>61%</td></tr></table>");
    const wrappers = [...document.querySelectorAll(".table-scroll")];
    expect(wrappers).toHaveLength(2);
    expect(wrappers.map((wrapper) => [wrapper.getAttribute("role"), wrapper.getAttribute("tabindex"), wrapper.getAttribute("aria-label")])).toEqual([
      ["region", "0", "Table 1"],
      ["region", "0", "Turnout"],
    ]);
    expect(wrappers[0]!.querySelector("table > tbody > tr > td")!.textContent).toBe("Alder");
    expect(wrappers[0]!.querySelectorAll("td")[1]!.getAttribute("style")).toBe("text-align:right");
  });

  it("number their regions across the parts of an article", () => {
    const { partsHtml } = renderArticle(["| a |\n|---|\n| 1 |", "| b |\n|---|\n| 2 |"]);
    expect(page(partsHtml.join("")).querySelectorAll(".table-scroll")[1]!.getAttribute("aria-label")).toBe("Table 2");
  });

  it("drop every inline style but the column alignment", () => {
    const document = render('<table><tr><td style="text-align:center; color:red">x</td></tr></table>');
    expect(document.querySelector("td")!.getAttribute("style")).toBe("text-align:center");
  });
});

describe("headings and footnotes", () => {
  const parts = ["## Background\n\nOne.[^a]\n\n## Background\n\n[^a]: First note.", "## Background\n\nTwo.[^a]\n\n# Background\n\n[^a]: Second note."];
  const { partsHtml } = renderArticle(parts);
  const all = page(partsHtml.join("\n"));

  it("give each heading an id unique across all parts, for the View all page, with a self-link", () => {
    const ids = [...all.querySelectorAll("h2")].map((heading) => heading.id);
    expect(ids).toEqual(["background", "background-2", "background-3", "background-4"]);
    const links = [...all.querySelectorAll(".section-heading > a.section-link")];
    expect(links.map((link) => link.getAttribute("href"))).toEqual(ids.map((id) => `#${id}`));
    expect(links[0]!.querySelector(".visually-hidden")!.textContent).toBe("Link to the section “Background”");
    expect(links[0]!.querySelector('[aria-hidden="true"]')!.textContent).toBe("#");
  });

  it("number footnotes per part, with ids that differ between parts", () => {
    const references = [...all.querySelectorAll("sup.footnote-ref > a")];
    expect(references.map((link) => link.getAttribute("href"))).toEqual(["#fn-1-1", "#fn-2-1"]);
    expect(all.querySelector("#fn-1-1")!.textContent).toContain("First note.");
    expect(all.querySelector("#fn-2-1")!.textContent).toContain("Second note.");
    const allIds = [...all.querySelectorAll("[id]")].map((element) => element.id);
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it("keep plain ids in a single-part article, and leave the page's own ids alone", () => {
    const document = render("## Main\n\nText.[^1]\n\n<p id=\"main\">Author's id.</p>\n\n[^1]: Note.", { reservedIds: ["main"] });
    expect(document.querySelector("h2")!.id).toBe("main-2");
    expect(document.querySelector("p#main-3")!.textContent).toBe("Author's id.");
    expect(document.querySelector("sup a")!.getAttribute("href")).toBe("#fn1");
  });

  it("leave the self-links out for feeds", () => {
    const document = render("## Background\n\nText.", { headingLinks: false });
    expect(document.querySelector(".article-body")!.innerHTML).toBe('<h2 id="background">Background</h2>\n<p>Text.</p>\n');
  });

  it("keep targets of old <a name> anchors", () => {
    expect(render('<a name="part-two"></a>Part two').querySelector("a#part-two")).not.toBeNull();
  });
});

describe("embeds", () => {
  const youtube =
    '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/abc123?si=x" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; camera; geolocation" referrerpolicy="no-referrer" allowfullscreen sandbox="allow-top-navigation" onload="steal()"></iframe>';

  it("keep an iframe from an embed host, lazy, titled, sandboxed, sending its origin to the player", () => {
    const frame = render(youtube).querySelector("iframe")!;
    expect(frame.getAttribute("src")).toBe("https://www.youtube-nocookie.com/embed/abc123?si=x");
    expect(frame.getAttribute("loading")).toBe("lazy");
    expect(frame.getAttribute("title")).toBe("Embedded content from www.youtube-nocookie.com");
    expect(frame.getAttribute("sandbox")).toBe("allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation");
    expect(frame.getAttribute("referrerpolicy")).toBe("strict-origin-when-cross-origin");
    expect(frame.hasAttribute("allowfullscreen")).toBe(true);
    expect(frame.getAttribute("allow")).toBe("accelerometer; autoplay; clipboard-write; encrypted-media");
    expect(frame.getAttribute("width")).toBe("560");
    expect([...frame.attributes].map((attribute) => attribute.name)).not.toContain("onload");
  });

  it("keep the author's title, and make protocol-relative and http players https", () => {
    const document = render('<iframe src="//player.vimeo.com/video/1" title="Council meeting, 3 May"></iframe>\n\n<iframe src="http://open.spotify.com/embed/episode/2"></iframe>');
    const [vimeo, spotify] = [...document.querySelectorAll("iframe")];
    expect(vimeo!.getAttribute("src")).toBe("https://player.vimeo.com/video/1");
    expect(vimeo!.getAttribute("title")).toBe("Council meeting, 3 May");
    expect(spotify!.getAttribute("src")).toBe("https://open.spotify.com/embed/episode/2");
  });

  it("remove iframes from other hosts, other paths of a listed host, srcdoc frames and script URLs", () => {
    const document = render(
      [
        '<iframe src="https://tracker.example/widget">Fallback text</iframe>',
        '<iframe src="https://www.google.com/maps/embed?pb=1"></iframe>',
        '<iframe src="https://www.google.com/search?q=x"></iframe>',
        '<iframe srcdoc="<script>alert(1)</script>" src="https://www.youtube.com/embed/x"></iframe>',
        '<iframe src="javascript:alert(1)"></iframe>',
        '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>',
      ].join("\n\n"),
    );
    expect([...document.querySelectorAll("iframe")].map((frame) => frame.getAttribute("src"))).toEqual(["https://www.google.com/maps/embed?pb=1"]);
    expect(document.body.textContent).not.toContain("Fallback text");
  });

  it("drop an iframe's fallback content, which could otherwise end the frame early", () => {
    const output = renderArticle(['<iframe src="https://www.youtube.com/embed/x">&lt;/iframe&gt;&lt;script&gt;alert(1)&lt;/script&gt;</iframe>']).partsHtml[0]!;
    expect(output).not.toMatch(/<script/);
    expect(page(output).querySelector("iframe")!.childNodes).toHaveLength(0);
  });

  it("take the hosts from site.json embedHosts when set", () => {
    const markdown = '<iframe src="https://charts.newsroom.example/c/1"></iframe>\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>';
    const frames = render(markdown, { embedHosts: ["charts.newsroom.example"] }).querySelectorAll("iframe");
    expect([...frames].map((frame) => frame.getAttribute("src"))).toEqual(["https://charts.newsroom.example/c/1"]);
    expect(DEFAULT_EMBED_HOSTS).toContain("www.youtube.com");
  });

  it("keep a social post's quote and link, without its widget script", () => {
    const markdown = `<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abc/app.bsky.feed.post/xyz"><p lang="en">The bridge reopens Monday.</p>&mdash; City Desk (<a href="https://bsky.app/profile/citydesk.example">@citydesk.example</a>) <a href="https://bsky.app/profile/citydesk.example/post/xyz">May 2, 2025</a></blockquote><script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>

After the post.`;
    const document = render(markdown);
    const quote = document.querySelector("blockquote.bluesky-embed")!;
    expect(quote.querySelector("p")!.textContent).toBe("The bridge reopens Monday.");
    expect(quote.querySelector('a[href="https://bsky.app/profile/citydesk.example/post/xyz"]')!.textContent).toBe("May 2, 2025");
    expect(quote.hasAttribute("data-bluesky-uri")).toBe(false);
    expect(document.querySelector("script")).toBeNull();
    expect(document.querySelector(".article-body")!.textContent).toContain("After the post.");
  });
});

describe("hostile markup", () => {
  const HOSTILE = `Opening paragraph stays.

<img src=x onerror="alert(1)">

<a href="javascript:alert(2)">A link that ran code</a> and <a href="&#106;avascript:alert(3)">an encoded one</a> and <a href=" JAVASCRIPT:alert(4)">a spaced one</a>.

<svg onload="alert(5)"><circle r="4"></circle></svg>

<style>body { display: none }</style>

<iframe srcdoc="<script>alert(6)</script>"></iframe>

<form action="https://phish.example"><input name="password"><button>Log in</button></form>

<object data="movie.swf"></object><embed src="movie.swf">

<p onclick="alert(7)" style="position:fixed;inset:0">A paragraph that covered the page.</p>

<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="svg data">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="Tiny chart">

</article>

<div class="pull-quote">

Inside the unclosed div, **still Markdown**.

<!-- a comment left open

Safe closing paragraph.
`;
  const output = renderArticle([HOSTILE]).partsHtml[0]!;
  const document = page(output);
  const body = document.querySelector(".article-body")!;

  it("lets nothing executable through", () => {
    expect(output).not.toMatch(/<script|<style|<svg|<form|<object|<embed|<input/i);
    for (const element of document.querySelectorAll(".article-body *")) {
      for (const attribute of element.attributes) {
        expect(attribute.name, element.outerHTML).not.toMatch(/^on/i);
        expect(attribute.value.replace(/[\s\x00-\x1f]/g, ""), element.outerHTML).not.toMatch(/^javascript:/i);
      }
      expect(element.hasAttribute("srcdoc")).toBe(false);
    }
    expect(body.querySelector("iframe")).toBeNull();
    expect(body.querySelector("[style]")).toBeNull();
  });

  it("keeps data: images only in raster formats", () => {
    expect([...body.querySelectorAll("img")].map((image) => image.getAttribute("alt"))).toEqual([null, "Tiny chart"]);
  });

  it("keeps the safe copy", () => {
    const text = body.textContent!;
    for (const copy of ["Opening paragraph stays.", "A link that ran code", "an encoded one", "A paragraph that covered the page.", "Log in", "Inside the unclosed div, still Markdown.", "Safe closing paragraph."]) {
      expect(text).toContain(copy);
    }
    expect(body.querySelector("strong")!.textContent).toBe("still Markdown");
  });

  it("closes what the body leaves open inside the body, so the page after it is intact", () => {
    expect(body.querySelector("div.pull-quote")!.textContent).toContain("Safe closing paragraph.");
    const footer = document.querySelector("#after-body")!;
    expect(footer.parentElement!.tagName).toBe("ARTICLE");
    expect(footer.previousElementSibling).toBe(body);
    expect(document.querySelectorAll("article")).toHaveLength(1);
  });

  it("shows a comment left open as text instead of hiding the rest of the article", () => {
    expect(body.textContent).toContain("<!-- a comment left open");
  });

  it("shows an unclosed <script> or <style> as text too", () => {
    const text = render("Before <script>alert(1)\n\nAfter the script.\n\n<style>\n\nAfter the style.").querySelector(".article-body")!.textContent!;
    expect(text).toContain("After the script.");
    expect(text).toContain("After the style.");
    expect(text).toContain("<script>alert(1)");
  });

  it("leaves no empty paragraph where a widget's script was", () => {
    expect(renderArticle(['Text.\n\n<script src="https://platform.example/widgets.js"></script>']).partsHtml[0]).toBe("<p>Text.</p>\n");
  });
});

describe("body images", () => {
  const pictures = new Map([
    ["photos/market day.jpg", photo("market")],
    ["/img/bridge.jpg", photo("bridge")],
  ]);
  const options: RenderOptions = { picture: (src) => pictures.get(src) };

  it("become the responsive <picture> of lead images, Markdown or HTML, keeping the alt text", () => {
    const document = render('![Stalls on market day](<photos/market day.jpg> "Market")\n\n<img src="/img/bridge.jpg" alt="The old bridge" class="wide">', options);
    const [market, bridge] = [...document.querySelectorAll("picture")];
    expect(market!.outerHTML).toBe(
      '<picture><source type="image/webp" srcset="/assets/img/market-400.webp 400w, /assets/img/market-800.webp 800w" sizes="(min-width: 48rem) 46rem, 100vw">' +
        '<source type="image/jpeg" srcset="/assets/img/market-400.jpeg 400w, /assets/img/market-800.jpeg 800w" sizes="(min-width: 48rem) 46rem, 100vw">' +
        '<img src="/assets/img/market-800.jpeg" alt="Stalls on market day" width="800" height="600" loading="lazy" decoding="async" title="Market"></picture>',
    );
    expect(bridge!.querySelector("img")!.getAttribute("alt")).toBe("The old bridge");
    expect(bridge!.querySelector("img")!.getAttribute("src")).toBe("/assets/img/bridge-800.jpeg");
  });

  it("replace the author's own <picture> of a local image whole", () => {
    const document = render('<picture><source srcset="/img/bridge.webp" type="image/webp"><img src="/img/bridge.jpg" alt="Bridge"></picture>', options);
    expect(document.querySelectorAll("picture")).toHaveLength(1);
    expect(document.querySelectorAll("source")).toHaveLength(2);
    expect(document.querySelector('source[srcset="/img/bridge.webp"]')).toBeNull();
  });

  it("are one plain <img> of the largest rendition for feeds", () => {
    const document = render("![Stalls](<photos/market day.jpg>)", { ...options, images: "largest" });
    expect(document.querySelector("picture")).toBeNull();
    expect(document.querySelector("img")!.outerHTML).toBe('<img src="/assets/img/market-800.jpeg" alt="Stalls" width="800" height="600">');
  });

  it("without a processed picture (an animated GIF) keep their file, at the URL the build gives", () => {
    const document = render("![Spinner](anim/spin.gif)\n\n[The report](<files/report 2024.pdf>) and [a section](#results) and [mail](mailto:desk@example.org)", {
      ...options,
      localUrl: (reference) => `/2025/05/story/${reference}`,
    });
    const image = document.querySelector("img")!;
    expect(image.getAttribute("src")).toBe("/2025/05/story/anim/spin.gif");
    expect(image.getAttribute("loading")).toBe("lazy");
    expect([...document.querySelectorAll("a")].map((link) => link.getAttribute("href"))).toEqual(["/2025/05/story/files/report%202024.pdf", "#results", "mailto:desk@example.org"]);
  });
});
