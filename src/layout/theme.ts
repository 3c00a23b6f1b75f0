// The publisher's theme (site.json `theme`) as CSS custom properties, appended to the site's
// stylesheet so that pages carry no extra bytes: site.css reads --accent, --link,
// --heading-font and --body-font, and the rules here, coming last, replace its defaults.
import type { Theme } from "../content/schema.ts";
import { schemeColours } from "../content/theme.ts";

/** Compact CSS for the theme's colours and fonts; empty when it sets none. */
export function themeCss(theme: Theme = {}): string {
  const light: string[] = [];
  const dark: string[] = [];
  for (const [field, property] of [["accent", "--accent"], ["link", "--link"]] as const) {
    const colour = theme[field];
    if (colour === undefined) continue;
    const colours = schemeColours(colour);
    light.push(`${property}:${colours.light}`);
    dark.push(`${property}:${colours.dark}`);
  }
  // Validated font-family lists (src/content/schema.ts): nothing in them can end the declaration.
  const fonts = [theme.headingFont && `--heading-font:${theme.headingFont.trim()}`, theme.bodyFont && `--body-font:${theme.bodyFont.trim()}`].filter(Boolean);
  // Colours on screens only: print keeps the stylesheet's black.
  return [
    fonts.length ? `:root{${fonts.join(";")}}` : "",
    light.length ? `@media screen{:root{${light.join(";")}}}` : "",
    dark.length ? `@media screen and (prefers-color-scheme:dark){:root{${dark.join(";")}}}` : "",
  ].join("");
}
