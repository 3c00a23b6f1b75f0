// The interface in the publication's language as a reader gets it in Chromium: search and
// "Load more" speak Spanish in a Spanish build; an Arabic build is laid out right to left and
// passes axe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { serve, siteInChromium, type StaticSite } from "../helpers/browser.ts";
import { buildSampleIn } from "../helpers/language-build.ts";

const spanish = buildSampleIn("es");
const chromium = siteInChromium(spanish.site);

async function open(origin: string, url: string): Promise<Page> {
  const page = await (await chromium.browser.newContext()).newPage();
  await page.goto(`${origin}${url}`);
  return page;
}

const violations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);

describe("search in Spanish", () => {
  it("says how many stories match, in Spanish, and offers Spanish filters", async () => {
    const page = await open(chromium.origin, "/search/?q=budget");
    const status = page.locator("[data-search-status]");
    await page.waitForFunction(() => document.querySelector("[data-search-status]")?.textContent?.includes("«budget»"));
    expect(await status.textContent()).toMatch(/^\d+ noticias? coincid(e|en) con «budget»\.$/);
    await page.locator("[data-search-filters] > summary").click();
    await page.locator(".search-filter legend").first().waitFor();
    expect(await page.locator(".search-filter legend").allTextContents()).toEqual(["Sección", "Autor", "Año"]);
    expect(await page.locator("[data-search-more] button").textContent()).toBe("Más resultados");
    await page.context().close();
  });

  it("says in Spanish when nothing matches, and what to type before a search", async () => {
    const page = await open(chromium.origin, "/search/?q=zzxqvw");
    await page.waitForFunction(() => document.querySelector("[data-search-status]")?.textContent?.includes("«zzxqvw»"));
    expect(await page.locator("[data-search-status]").textContent()).toMatch(/^Ninguna noticia coincide con «zzxqvw»\. Revise la ortografía/);
    await page.locator("#search-query").fill("");
    await page.waitForFunction(() => document.querySelector("[data-search-status]")?.textContent?.startsWith("Escriba"));
    await page.context().close();
  });

  it("loads more stories and announces them in Spanish", async () => {
    const page = await open(chromium.origin, "/");
    await page.getByRole("button", { name: "Cargar más noticias" }).click();
    await page.waitForFunction(() => document.querySelectorAll("#stories > li").length === 10);
    expect(await page.locator("[aria-live]").textContent()).toBe("Se cargaron 5 noticias más.");
    expect(await page.locator(".listing > .pager-status").textContent()).toBe("Página 2 de 4");
    await page.context().close();
  });
});

describe("an Arabic build", () => {
  let arabic: StaticSite;
  beforeAll(async () => {
    arabic = await serve(buildSampleIn("ar").site);
  });
  afterAll(() => arabic.close());

  it("is written right to left, with its interface in Arabic", async () => {
    const page = await open(arabic.origin, "/");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator(".listing-title").textContent()).toBe("أحدث المقالات");
    // Mirrored: the site title starts at the right edge, the navigation follows it leftwards.
    const title = (await page.locator(".site-title").boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(title.x + title.width).toBeGreaterThan(viewport.width / 2);
    await page.context().close();
  });

  for (const url of ["/", "/2025/08/harlow-ridge-wind-farm-fight/2/", "/archive/", "/404.html"]) {
    it(`passes axe on ${url}`, async () => {
      const page = await open(arabic.origin, url);
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it("passes axe on the search page with results and filters shown", async () => {
    const page = await open(arabic.origin, "/search/?q=budget");
    await page.waitForFunction(() => document.querySelector("[data-search-status]")?.textContent?.includes("«budget»"));
    await page.locator("[data-search-filters] > summary").click();
    await page.locator(".search-filter").first().waitFor();
    expect(await page.locator(".search-filter legend").first().textContent()).toBe("القسم");
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
