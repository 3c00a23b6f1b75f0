import { describe, expect, it } from "vitest";
import { countWords, plainText, readingMinutes, renderFirstParagraph, renderMarkdown, splitBody, truncateText } from "../../src/markdown/index.ts";

describe("body markers", () => {
  it("split an article into pages on <!--nextpage--> lines and drop the markers", () => {
    const { parts } = splitBody("One.\n\n<!--nextpage-->\n\nTwo.\n  <!--nextpage-->  \nThree.");
    expect(parts).toEqual(["One.", "Two.", "Three."]);
  });

  it("cut the excerpt at the first <!--more--> line, which never shows in the body", () => {
    const { parts, excerpt } = splitBody("Lead paragraph.\n\n<!--more-->\n\nThe rest.");
    expect(excerpt).toBe("Lead paragraph.");
    expect(parts).toHaveLength(1);
    expect(renderMarkdown(parts[0]!)).toBe("<p>Lead paragraph.</p>\n<p>The rest.</p>\n");
  });

  it("leave a marker inside a sentence alone", () => {
    const { parts, excerpt } = splitBody("Editors type <!--nextpage--> in prose.");
    expect(parts).toHaveLength(1);
    expect(excerpt).toBeUndefined();
  });

  it("report where each page starts", () => {
    expect(splitBody("a\nb\n<!--nextpage-->\nc").partLines).toEqual([1, 4]);
  });
});

describe("rendering", () => {
  it("shows raw HTML as text so that no article can break the page layout", () => {
    const html = renderMarkdown('Hello <div class="x">unclosed <script>alert(1)</script>');
    expect(html).not.toContain("<div");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps links, block quotes, lists and subheads; h1 becomes h2", () => {
    const html = renderMarkdown("# Big\n\n## Sub\n\n> Quote\n\n- item\n\n[Courier](https://courier.example.com/a?b=1&c=2)");
    expect(html).toContain("<h2>Big</h2>");
    expect(html).toContain("<h2>Sub</h2>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<li>item</li>");
    expect(html).toContain('<a href="https://courier.example.com/a?b=1&amp;c=2">Courier</a>');
  });

  it("renders only the first paragraph of a bio", () => {
    expect(renderFirstParagraph("First *para*.\n\nSecond.")).toBe("<p>First <em>para</em>.</p>\n");
  });

  it("turns Markdown into plain text for summaries", () => {
    expect(plainText("A [link](https://x.example) & **bold** <b>")).toBe("A link & bold <b>");
    expect(truncateText("one two three four", 12)).toBe("one two…");
  });

  it("counts words and reading time", () => {
    expect(countWords("The governor’s plan, in 2025: a state-wide deal.")).toBe(8);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(1150)).toBe(5);
  });
});
