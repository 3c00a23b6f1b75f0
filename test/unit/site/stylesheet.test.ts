import { expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { minifyCss } from "../../../src/site/stylesheet.ts";

it("minifies the stylesheet without changing selectors or values", () => {
  expect(minifyCss("/* note */\na:hover ,\n.b > .c {\n  color : red ;\n  margin: 0 auto;\n}\n@media (min-width: 40rem) { .d { gap: 1rem } }")).toBe(
    "a:hover,.b>.c{color :red;margin:0 auto}@media (min-width:40rem){.d{gap:1rem}}",
  );
  const css = readFileSync(path.join(import.meta.dirname, "../../../src/layout/site.css"), "utf8");
  const minified = minifyCss(css);
  expect(minified.length).toBeLessThan(css.length * 0.9);
  expect(minified.match(/\{/g)!.length).toBe(css.replace(/\/\*[\s\S]*?\*\//g, "").match(/\{/g)!.length);
});
