// The publisher's colours (site.json `theme`): contrast as WCAG 2 computes it, and which colour
// each scheme shows. A colour is checked against the page background it is shown on.

/**
 * What text is shown on in each scheme of src/layout/site.css: the page (`--bg`) and boxes
 * (`--surface`: author boxes, code). test/unit/theme.test.ts keeps them in step with the stylesheet.
 */
export const BACKGROUNDS = {
  light: { page: "#ffffff", box: "#f5f3ef" },
  dark: { page: "#131517", box: "#1d2024" },
} as const;
export type Scheme = keyof typeof BACKGROUNDS;

/**
 * The contrast to report for a colour in a scheme: with the page when that falls short, else with
 * the boxes (the lower of the two decides whether the colour passes).
 */
function worstContrast(colour: string, scheme: Scheme): { ratio: number; background: "page" | "box" } {
  const page = contrastRatio(colour, BACKGROUNDS[scheme].page);
  const box = contrastRatio(colour, BACKGROUNDS[scheme].box);
  return page < AA_TEXT_CONTRAST || page <= box ? { ratio: page, background: "page" } : { ratio: box, background: "box" };
}

/** WCAG 2 level AA for text (links, and the text on accent-coloured buttons). */
export const AA_TEXT_CONTRAST = 4.5;

/** `#rgb` or `#rrggbb`, any case. */
export const HEX_COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A theme colour as written: one colour, or one per scheme. */
export type ThemeColour = string | { light: string; dark: string };

/** `#B3261E` / `#b21` → `#b3261e` / `#bb2211`. */
export function normaliseHex(colour: string): string {
  const hex = colour.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex}`;
}

function channels(colour: string): [number, number, number] {
  const hex = normaliseHex(colour).slice(1);
  return [0, 2, 4].map((start) => parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance of an sRGB colour. */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = channels(colour).map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** "1.6:1": rounded down, so a ratio just short of 4.5 never reads as 4.5. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

function mix(colour: string, toward: string, amount: number): string {
  const from = channels(colour);
  const to = channels(toward);
  return `#${from.map((channel, index) => Math.round(channel + (to[index]! - channel) * amount).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The colour itself when it reaches AA against the scheme's background, else the nearest shade
 * of it that does: mixed with black for the light scheme, with white for the dark one, in 1 % steps.
 */
export function readableShade(colour: string, scheme: Scheme): string {
  const toward = scheme === "light" ? "#000000" : "#ffffff";
  for (let step = 0; step <= 100; step++) {
    const shade = mix(colour, toward, step / 100);
    if (worstContrast(shade, scheme).ratio >= AA_TEXT_CONTRAST) return shade;
  }
  return toward;
}

/**
 * What each scheme shows for a theme colour: one colour is the light scheme's, and the dark
 * scheme gets its nearest readable shade (no colour reaches AA on both backgrounds); a pair is
 * used as written.
 */
export function schemeColours(colour: ThemeColour): Record<Scheme, string> {
  if (typeof colour !== "string") return { light: normaliseHex(colour.light), dark: normaliseHex(colour.dark) };
  const light = normaliseHex(colour);
  return { light, dark: readableShade(light, "dark") };
}

export interface ContrastProblem {
  /** Where in the colour: "" for a single colour, "light" or "dark" in a pair. */
  scheme: Scheme;
  inPair: boolean;
  message: string;
}

/**
 * "#f5c518 has a contrast of 1.6:1 against the light background (#ffffff); AA needs 4.5:1 —
 * darken it, e.g. #7a6200", for each colour the check reads that falls short.
 */
export function contrastProblems(colour: ThemeColour): ContrastProblem[] {
  const written: [Scheme, string][] = typeof colour === "string" ? [["light", colour]] : [["light", colour.light], ["dark", colour.dark]];
  const problems: ContrastProblem[] = [];
  for (const [scheme, value] of written) {
    const { ratio, background } = worstContrast(value, scheme);
    if (ratio >= AA_TEXT_CONTRAST) continue;
    const against = background === "page" ? `the ${scheme} background (${BACKGROUNDS[scheme].page})` : `the ${scheme} scheme's boxes (${BACKGROUNDS[scheme].box}: author boxes, code)`;
    const fix = `${scheme === "light" ? "darken" : "lighten"} it, e.g. ${readableShade(value, scheme)}`;
    // A single colour readable only in the dark scheme was perhaps meant for it: say how to give both.
    const pairHint = typeof colour === "string" && worstContrast(value, "dark").ratio >= AA_TEXT_CONTRAST ? `, or give one colour per scheme: { "light": "${readableShade(value, "light")}", "dark": "${normaliseHex(value)}" }` : "";
    problems.push({
      scheme,
      inPair: typeof colour !== "string",
      message: `${value} has a contrast of ${formatRatio(ratio)} against ${against}; AA needs ${AA_TEXT_CONTRAST}:1 — ${fix}${pairHint}`,
    });
  }
  return problems;
}
