// Browser tests: a built site served on 127.0.0.1 and Chromium, for the tests of one file.
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, serveStatic, type ChromiumOptions, type StaticSite } from "../../src/browser/index.ts";

export { serveStatic as serve, type StaticSite };

/** NEWSROOM_CHROMIUM points the tests at another Chromium or Chrome executable. */
export const chromiumOptions: ChromiumOptions = { executablePath: process.env.NEWSROOM_CHROMIUM || undefined };

/** Starts the server and Chromium before the file's tests and stops them after. */
export function siteInChromium(site: string): { readonly origin: string; readonly browser: Browser } {
  const state: { server?: StaticSite; browser?: Browser } = {};
  beforeAll(async () => {
    state.server = await serveStatic(site);
    state.browser = await launchChromium(chromiumOptions);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return {
    get origin() {
      return state.server!.origin;
    },
    get browser() {
      return state.browser!;
    },
  };
}
