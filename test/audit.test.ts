// `npm run audit`: the sample site passes; a copy broken once for every check fails, naming
// each page and problem.
import { describe, expect, inject, it } from "vitest";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { auditSite } from "../src/audit/index.ts";
import { runScript, tempDir } from "./helpers/build.ts";
import { chromiumOptions } from "./helpers/browser.ts";
import { sampleBuild } from "./helpers/site-model.ts";
import { registryOf } from "../src/site/registry.ts";

const site = inject("sampleSite");

describe("npm run audit", { timeout: 240_000 }, () => {
  it("finds no problem in the sample site", async () => {
    const sections = await auditSite(site, registryOf(await sampleBuild()), { chromium: chromiumOptions });
    expect(sections.map((section) => section.check)).toEqual(["html", "links", "feeds", "structured data", "accessibility", "budgets", "sitemaps"]);
    expect(sections.flatMap((section) => section.problems)).toEqual([]);
  });

  it("fails on a broken site, naming each page and problem with a fix", () => {
    const broken = path.join(tempDir("audit"), "_site");
    cpSync(site, broken, { recursive: true });
    const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(broken, file), change(readFileSync(path.join(broken, file), "utf8")));
    const article = "2025/03/budget-vote-delayed/index.html";
    edit(article, (html) => html.replace("</h1>", "").replace('"@type":"NewsArticle"', '"@type":"NewsArticle",,'));
    edit("category/courts/index.html", (html) => html.replace("</main>", '<a href="/nowhere/">Gone</a></main>'));
    edit("feed.xml", (xml) => xml.replace("</title>", ""));
    edit("index.html", (html) => html.replace(/(<li class="card card-lead">[\s\S]*?<img [^>]*?)alt="[^"]*"/, "$1"));
    edit("2025/01/marsh-opens-session-with-transit-pledge/index.html", (html) => html.replace("</main>", "<script>document.title = 'x';</script></main>"));
    edit("sitemap.xml", (xml) => xml.replace(/<url><loc>[^<]*\/tag\/budget\/<\/loc>.*?<\/url>/, ""));
    rmSync(path.join(broken, "archive/index.html"));

    const result = runScript("scripts/audit.ts", ["--site", broken]);
    expect(result.status).toBe(1);
    const report = result.stdout;
    expect(report).toMatch(/^html \(.*\): \d+ problems?$/m);
    expect(report).toMatch(/^ {2}\/2025\/03\/budget-vote-delayed\/ — line \d+: .*h1.* → correct the template that writes this markup$/m);
    expect(report).toContain("  /category/courts/ — /nowhere/ leads nowhere → correct the link or restore the page it points to");
    expect(report).toMatch(/^ {2}\/feed\.xml — not well-formed XML: .+ → escape the text in the feed template$/m);
    expect(report).toMatch(/^ {2}\/2025\/03\/budget-vote-delayed\/ — JSON-LD does not parse: .+ → serialise it with serializeJsonLd$/m);
    expect(report).toMatch(/^ {2}\/ — image-alt: Images must have alternative text .+ → https:\/\/dequeuniversity\.com\/.+$/m);
    expect(report).toContain("  /tag/budget/ — missing from sitemap.xml → list every public page in the sitemap");
    expect(report).toContain("  /archive/ — a page of the publication is not built → rebuild the site from this content");
    expect(report).toContain("  /2025/01/marsh-opens-session-with-transit-pledge/ — the article page loads JavaScript → keep scripts off article pages");
    expect(report).toMatch(/^\d+ problems: fix them before deploying\.$/m);
  });
});
