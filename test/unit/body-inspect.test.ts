import { describe, expect, it } from "vitest";
import { bodyReferences, inspectBody, renderArticle } from "../../src/markdown/index.ts";

const BODY = `Intro paragraph.

<script src="https://platform.twitter.com/widgets.js"></script>

<iframe src="https://maps.example.net/embed?x=1"></iframe>

<iframe src="https://www.youtube.com/embed/ok" title="Fine"></iframe>

Text with <span onclick="go()" style="color:red">a span</span>
and a link <a href="javascript:alert(1)" target="_blank">here</a>.

{% image "market.jpg" "Stalls" %}

{{< youtube abc123 >}}

[caption id="attachment_7" align="alignnone"]<img src="/img/a.jpg" alt="A">Caption[/caption]

[gallery ids="1,2,3"]

![](photos/no-alt.jpg)

<img src="/img/raw.jpg">

\`\`\`liquid
{% raw %}{% image %}{% endraw %} <script>alert(1)</script> ![](x.jpg)
\`\`\`

| Col | Col2 |
|-----|------|
| <font color="red">x</font> | y |

<div class="box">
<form action="https://forms.example"><input name="q"><svg onload="x()"></svg></form>
</div>

<!-- never closed

Last paragraph.
`;

describe("inspectBody", () => {
  it("says at which line of the body what the cleaning removes and what is left as text", () => {
    expect(inspectBody(BODY).map(({ line, severity, message }) => `${line}: ${severity}: ${message}`)).toEqual([
      "3: warning: <script> removed from the body — embeds need an allowed host in site.json embedHosts",
      '5: warning: <iframe> from maps.example.net removed from the body — if you trust maps.example.net, add "maps.example.net" to embedHosts in site.json',
      "9: warning: onclick attribute removed from <span> — scripts never run in articles",
      "9: warning: style attribute removed from <span> — articles use the site's stylesheet",
      '10: warning: href="javascript:…" removed from <a> — links need an http(s), mailto: or tel: URL or a path',
      '12: warning: template tag {% image "market.jpg" "Stalls" %} is shown as text — articles run no template code; write Markdown or HTML instead',
      "14: warning: Hugo shortcode {{< youtube abc123 >}} is shown as text — write Markdown or HTML instead",
      '16: warning: WordPress shortcode [caption id="attachment_7" align="alignnone"] is shown as text — write the photo and its caption as <figure> with <img> and <figcaption>',
      '18: warning: WordPress shortcode [gallery ids="1,2,3"] is shown as text — put the photos in the article one by one',
      "20: warning: image photos/no-alt.jpg has no alt text — describe what it shows between the brackets: ![what it shows](photos/no-alt.jpg)",
      '22: warning: image /img/raw.jpg has no alt text — describe what it shows in alt="…"',
      "30: warning: <font> removed from the body, its text kept — use Markdown or an element listed in the content model",
      "33: warning: <form> removed from the body — an article cannot hold a form; link to the form instead",
      "36: warning: <!-- is never closed with --> — it is shown as text so that the rest of the article is not lost; close it or remove it",
    ]);
  });

  it("names the host an iframe needs in embedHosts, and keeps it once it is there", () => {
    const body = 'Intro.\n\n<iframe src="https://charts.example.org/c/1"></iframe>';
    expect(inspectBody(body)[0]!.message).toContain('add "charts.example.org" to embedHosts');
    expect(inspectBody(body, { embedHosts: ["charts.example.org"] })).toEqual([]);
  });

  it("reports an iframe without an https player URL, or with srcdoc", () => {
    expect(inspectBody('<iframe src="ftp://files.example/x"></iframe>\n\n<iframe srcdoc="<p>x</p>"></iframe>').map((finding) => finding.message)).toEqual([
      "<iframe> without an https src removed from the body — embed the provider's https player URL from a host in site.json embedHosts",
      "<iframe srcdoc> removed from the body — embed the provider's https player URL from a host in site.json embedHosts",
    ]);
  });

  it("finds lines inside multi-line HTML blocks and paragraphs", () => {
    const body = "One.\n\n<div>\n<p>fine</p>\n<p onmouseover=\"x()\">bad</p>\n</div>\n\nA paragraph\nover lines with <b onclick=\"x()\">bold</b>.";
    expect(inspectBody(body).map((finding) => finding.line)).toEqual([5, 9]);
  });

  it("reports an unclosed <script> at its line, and what comes after it", () => {
    const findings = inspectBody("Text <script>steal()\n\nMore text with <img src=\"a.jpg\" alt=\"A\" onerror=\"x()\">.");
    expect(findings.map(({ line, message }) => `${line}: ${message}`)).toEqual([
      "1: <script> is never closed with </script> — it is shown as text so that the rest of the article is not lost; close it or remove it",
      "3: onerror attribute removed from <img> — scripts never run in articles",
    ]);
  });

  it("says nothing about clean copy, markers, comments and pasted embed leftovers that change nothing for readers", () => {
    const clean = `# Heading

Text with **bold**, a [link](https://example.org) and a footnote.[^1]

<!-- an editor's note -->

<!--more-->

<figure><img src="/img/a.jpg" alt="A photo"><figcaption>Caption</figcaption></figure>

<iframe width="560" height="315" src="https://www.youtube.com/embed/x" frameborder="0" allowfullscreen></iframe>

<blockquote class="bluesky-embed" data-bluesky-uri="at://x"><p>Post</p></blockquote>

<!-- nextpage -->

Page two with <a href="https://example.org" target="_blank" rel="noopener">a link</a>.

[^1]: A note.
`;
    expect(inspectBody(clean)).toEqual([]);
  });

  it("agrees with the render about what is removed", () => {
    const html = renderArticle([BODY]).partsHtml[0]!;
    expect(html).not.toMatch(/<script|<form|<font|<iframe src="https:\/\/maps|onclick|javascript:/);
    expect(html).toContain('<iframe src="https://www.youtube.com/embed/ok" title="Fine"');
    expect(html).toContain("{% image “market.jpg” “Stalls” %}");
  });
});

describe("bodyReferences", () => {
  it("lists local images and links, as files are named, with their lines", () => {
    const body = `![Chart](charts/turnout.png)
![Remote](https://cdn.example.org/x.jpg)
<img src="/img/site%20path.jpg" alt="Site path">

[Report](<files/report 2024.pdf>), [Other story](/2024/01/other/), [Top](#top), [Mail](mailto:desk@example.org), [Web](https://example.org), [CDN](//cdn.example.org/y), [Phone](tel:+15550100)

<a href="docs/minutes.docx">Minutes</a>

\`\`\`
![Not an image](code.png)
\`\`\`
`;
    expect(bodyReferences(body)).toEqual({
      images: [
        { src: "charts/turnout.png", alt: "Chart", line: 1 },
        { src: "/img/site path.jpg", alt: "Site path", line: 3 },
      ],
      links: [
        { href: "files/report 2024.pdf", line: 5 },
        { href: "/2024/01/other/", line: 5 },
        { href: "docs/minutes.docx", line: 7 },
      ],
    });
  });

  it("leaves out images the cleaning removes", () => {
    expect(bodyReferences('<noscript><img src="/img/pixel.gif" alt=""></noscript>').images).toEqual([]);
  });
});

describe("HTML nested past what a page can hold", () => {
  it("is an error at its line, not a crash, however deep it goes", () => {
    const body = `An opening paragraph.\n\n${"<div>".repeat(5_000)}\nText that never closes its divs.\n`;
    const findings = inspectBody(body);
    expect(findings).toEqual([expect.objectContaining({ line: 3, severity: "error", message: expect.stringContaining("nested here more than 256 deep") })]);
  });

  it("leaves markup a few dozen deep alone", () => {
    expect(inspectBody(`${"<div>".repeat(40)}text${"</div>".repeat(40)}\n`).filter((finding) => finding.severity === "error")).toEqual([]);
  });
});
