import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { inspectBody, renderArticle } from "../../src/markdown/index.ts";

/** Pieces of Markdown and hostile HTML, so that random bodies hit the sanitizer's edges, not only plain text. */
const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "<script>", "</script>", "<!--", "-->", "<div>", "</div>", "<style>", "<svg onload=alert(1)>", "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">', "<iframe srcdoc='<script>x</script>'>", '<iframe src="https://www.youtube.com/embed/x">',
    "<textarea>", "</iframe>", "&lt;/iframe&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "</main>", "</body>", "<title>", "<![CDATA[", "<?", "<!x", "`", "```\n", "\n\n", "\n", "    ", "> ", "- ", "| a |\n|---|\n", "[^1]", "[^1]: ",
    "# ", "<!--more-->", "<p onclick=", " on", "=", '"', "'", ">", "<", "&", "&#106;", "javascript:", "](", "![", "{% x %}", "[caption]",
  ),
);
const body = fc.array(fragment, { maxLength: 30 }).map((pieces) => pieces.join(""));

describe("any body", () => {
  it("renders without throwing, and nothing executable comes out", () => {
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 3 }), (parts) => {
        const html = renderArticle(parts).partsHtml.join("\n");
        expect(html).not.toMatch(/<script/i);
        const { document } = parseHTML(`<!doctype html><html><body><main>${html}</main><footer>After</footer></body></html>`);
        expect(document.querySelectorAll("script, style, object, embed, form")).toHaveLength(0);
        expect(document.querySelector("body > footer")!.textContent).toBe("After");
        for (const element of document.querySelectorAll("main *")) {
          for (const attribute of element.attributes) expect(attribute.name).not.toMatch(/^on/i);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("can be inspected without throwing", () => {
    fc.assert(
      fc.property(body, (text) => {
        expect(Array.isArray(inspectBody(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
