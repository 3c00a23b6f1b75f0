// Browser tests: a built site served on 127.0.0.1 and Chromium, for the tests of one file.
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, serveStatic, type StaticSite } from "../../src/bench/browser.ts";

export { launchChromium, serveStatic as serve, type StaticSite };

/** Starts the server and Chromium before the file's tests and stops them after. */
export function siteInChromium(site: string): { readonly origin: string; readonly browser: Browser } {
  const state: { server?: StaticSite; browser?: Browser } = {};
  beforeAll(async () => {
    state.server = await serveStatic(site);
    state.browser = await launchChromium();
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
