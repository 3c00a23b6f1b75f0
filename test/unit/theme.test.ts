// The publisher's colours: WCAG contrast, the shades the dark scheme gets, and the CSS the theme becomes.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { AA_TEXT_CONTRAST, BACKGROUNDS, contrastProblems, contrastRatio, formatRatio, readableShade, schemeColours } from "../../src/content/theme.ts";
import { themeCss } from "../../src/layout/theme.ts";

describe("contrast", () => {
  it("computes WCAG 2 ratios", () => {
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#ffffff", "#777")).toBe(contrastRatio("#777", "#fff"));
    expect(formatRatio(4.4999)).toBe("4.4:1");
    expect(formatRatio(1.64)).toBe("1.6:1");
  });

  it("reads the backgrounds the stylesheet really uses, light and dark", () => {
    const css = readFileSync(path.join(import.meta.dirname, "../../src/layout/site.css"), "utf8");
    const light = css.slice(css.indexOf(":root {"), css.indexOf("}", css.indexOf(":root {")));
    const darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
    const dark = css.slice(darkStart, css.indexOf("}", darkStart));
    const value = (block: string, property: string) => {
      const hex = new RegExp(`${property}:\\s*(#[0-9a-f]{3,6});`, "i").exec(block)![1]!;
      return hex.length === 4 ? `#${[...hex.slice(1)].map((digit) => digit + digit).join("")}` : hex;
    };
    expect({ page: value(light, "--bg"), box: value(light, "--surface") }).toEqual(BACKGROUNDS.light);
    expect({ page: value(dark, "--bg"), box: value(dark, "--surface") }).toEqual(BACKGROUNDS.dark);
  });

  it("finds the nearest readable shade of a colour for each scheme, on the page and in boxes", () => {
    for (const colour of ["#f5c518", "#b3261e", "#0b57d0", "#777777", "#ffffff", "#000000"]) {
      for (const scheme of ["light", "dark"] as const) {
        const shade = readableShade(colour, scheme);
        expect(contrastRatio(shade, BACKGROUNDS[scheme].page)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
        expect(contrastRatio(shade, BACKGROUNDS[scheme].box)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
      }
    }
    // A colour that passes is kept as it is.
    expect(readableShade("#14477d", "light")).toBe("#14477d");
  });

  it("gives one colour to the light scheme and a readable shade of it to the dark one; a pair as written", () => {
    expect(schemeColours("#B3261E")).toEqual({ light: "#b3261e", dark: readableShade("#b3261e", "dark") });
    expect(schemeColours({ light: "#b21", dark: "#F28B82" })).toEqual({ light: "#bb2211", dark: "#f28b82" });
  });

  it("words a colour that falls short: its ratio, the background, and a shade that passes", () => {
    const [problem] = contrastProblems("#f5c518");
    expect(problem!.message).toBe(
      `#f5c518 has a contrast of 1.6:1 against the light background (#ffffff); AA needs 4.5:1 — darken it, e.g. ${readableShade("#f5c518", "light")}, or give one colour per scheme: { "light": "${readableShade("#f5c518", "light")}", "dark": "#f5c518" }`,
    );
    expect(contrastProblems("#b3261e")).toEqual([]);
    const pair = contrastProblems({ light: "#b3261e", dark: "#5a1a14" });
    expect(pair.map((item) => [item.scheme, item.inPair])).toEqual([["dark", true]]);
    expect(pair[0]!.message).toMatch(/^#5a1a14 has a contrast of 1\.\d:1 against the dark background \(#131517\); AA needs 4\.5:1 — lighten it, e\.g\. #[0-9a-f]{6}$/);
  });

  it("names the boxes when a colour is readable on the page but not on their background", () => {
    // 4.5:1 or a little more on white, less on the author box's #f5f3ef.
    const [problem] = contrastProblems("#767676");
    expect(problem!.message).toMatch(/^#767676 has a contrast of 4\.\d:1 against the light scheme's boxes \(#f5f3ef: author boxes, code\)/);
  });
});

describe("the theme's CSS", () => {
  it("is empty without colours or fonts, and sets custom properties for each scheme otherwise", () => {
    expect(themeCss(undefined)).toBe("");
    expect(themeCss({ logo: "/img/logo.svg" })).toBe("");
    const dark = readableShade("#b3261e", "dark");
    expect(themeCss({ accent: "#b3261e", link: { light: "#0b57d0", dark: "#8ab4f8" }, headingFont: 'Georgia, "Times New Roman", serif', bodyFont: "system-ui, sans-serif" })).toBe(
      `:root{--heading-font:Georgia, "Times New Roman", serif;--body-font:system-ui, sans-serif}` +
        `@media screen{:root{--accent:#b3261e;--link:#0b57d0}}` +
        `@media screen and (prefers-color-scheme:dark){:root{--accent:${dark};--link:#8ab4f8}}`,
    );
  });
});
