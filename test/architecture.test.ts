// The project's structure, enforced: which src/ folders may import which, and every site URL
// written in src/urls only. (Read from the source as text: imports and string literals.)
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./helpers/build.ts";

/** Below everything: each may import only others of its layer. */
const FOUNDATION = ["urls", "dates", "i18n", "markdown", "images", "pagination", "seo", "content", "browser"];
/** The site model and page registry, made of the foundation. */
const SITE = ["site"];
/** One Eleventy plugin each: they read the site model, never each other. */
const CAPABILITIES = ["articles", "listings", "feeds", "sitemaps", "search", "layout", "redirects", "pages"];
/** Command-line work beside the build; they read the content and the site model. */
const TOOLS = ["audit", "bench", "import", "init"];
/** The build itself: runs Eleventy with every capability (through eleventy.config.ts). */
const ORCHESTRATOR = ["publication"];

const allowed: Record<string, string[]> = {
  ...Object.fromEntries(FOUNDATION.map((folder) => [folder, FOUNDATION])),
  site: [...FOUNDATION, ...SITE],
  ...Object.fromEntries(CAPABILITIES.map((folder) => [folder, [...FOUNDATION, ...SITE, folder]])),
  ...Object.fromEntries(TOOLS.map((folder) => [folder, [...FOUNDATION, ...SITE, folder]])),
  publication: [...FOUNDATION, ...SITE, ...ORCHESTRATOR, "<root>"],
};

const srcDir = path.join(projectRoot, "src");
const sourceFiles = (readdirSync(srcDir, { recursive: true }) as string[]).map((file) => file.split(path.sep).join("/")).filter((file) => /\.(ts|js|njk)$/.test(file));

/** The src/ folder (or "<root>") each relative import of a file points into. */
function importedFolders(file: string): string[] {
  const text = readFileSync(path.join(srcDir, file), "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^"'`;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] ?? match[2]!);
  return specifiers
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => {
      const target = path.relative(srcDir, path.resolve(path.dirname(path.join(srcDir, file)), specifier)).split(path.sep);
      return target[0] === ".." ? "<root>" : target[0]!;
    });
}

/** Code without its comment lines: a comment may show an example path. */
const withoutComments = (text: string) =>
  text
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join("\n");

describe("architecture", () => {
  it("knows every folder of src/", () => {
    const folders = new Set(sourceFiles.map((file) => file.split("/")[0]!));
    for (const folder of folders) expect(allowed, `src/${folder} has no place in test/architecture.test.ts`).toHaveProperty(folder);
  });

  it("keeps imports pointing down: no capability imports another, the foundation imports nothing above it", () => {
    const violations = sourceFiles.flatMap((file) => {
      const folder = file.split("/")[0]!;
      return importedFolders(file)
        .filter((target) => target !== folder && !(allowed[folder] ?? []).includes(target))
        .map((target) => `src/${file} imports ${target === "<root>" ? "a file outside src/" : `src/${target}`}`);
    });
    expect(violations).toEqual([]);
  });

  it("writes site URLs only in src/urls: no path literal elsewhere in src/ or in templates", () => {
    const sitePath = /["'`](\/(?:assets|category|tag|author|archive|search|page|pagefind[^"'`]*|feed\.(?:xml|json)|atom\.xml|sitemap[^"'`]*|news-sitemap\.xml|robots\.txt|404\.html)\b[^"'`]*)["'`]/g;
    const literals = sourceFiles
      .filter((file) => !file.startsWith("urls/"))
      .flatMap((file) => [...withoutComments(readFileSync(path.join(srcDir, file), "utf8")).matchAll(sitePath)].map((match) => `src/${file}: ${match[1]}`));
    const includes = path.join(projectRoot, "_includes");
    const templates = (readdirSync(includes, { recursive: true }) as string[]).filter((file) => file.endsWith(".njk"));
    const hrefs = templates.flatMap((file) => [...readFileSync(path.join(includes, file), "utf8").matchAll(/(?:href|src|action)="(\/[^"{]*)"/g)].map((match) => `_includes/${file}: ${match[1]}`));
    expect([...literals, ...hrefs]).toEqual([]);
  });

  it("gives every entry template its pages from the registry: permalinks are never written by hand", () => {
    const templates = sourceFiles.filter((file) => file.endsWith(".njk"));
    expect(templates.length).toBeGreaterThan(8);
    for (const file of templates) {
      const text = readFileSync(path.join(srcDir, file), "utf8");
      expect(text, `src/${file}`).toMatch(/const pagination = \{ data: "[\w.]+", size: 1, alias: "(\w+)" \};\nconst permalink = \(data\) => data\.\1\.url;/);
    }
  });

  it("keeps no build state in modules: no top-level let, and no process.env outside the entry points", () => {
    const tsFiles = sourceFiles.filter((file) => file.endsWith(".ts"));
    const state = tsFiles.filter((file) => /^let\s/m.test(readFileSync(path.join(srcDir, file), "utf8"))).map((file) => `src/${file}`);
    const environment = tsFiles.filter((file) => /process\.env/.test(readFileSync(path.join(srcDir, file), "utf8"))).map((file) => `src/${file}`);
    expect(state).toEqual([]);
    expect(environment).toEqual([]);
  });
});
