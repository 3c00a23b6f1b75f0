// `npm run import -- markdown`: a Jekyll _posts folder and a Hugo content folder (fixtures/),
// and small sources written by the tests for the rules that need one post each.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makePublication, runBuild, runScript, tempDir } from "../helpers/build.ts";
import { runImport, type ImportOptions, type ImportReport } from "../../src/import/index.ts";
import { formatImportReport } from "../../src/import/report.ts";
import { fixtures, readPost, runImportCli, snapshot } from "./helpers.ts";

const options = (source: string, into: string, more: Partial<ImportOptions> = {}): ImportOptions => ({
  kind: "markdown",
  source,
  into,
  dryRun: false,
  force: false,
  timeoutMs: 5000,
  ...more,
});

/** The line of a written file a report line points at. */
function lineAt(root: string, reportLine: string): string {
  const [, file, line] = /^(\S+?):(\d+): /.exec(reportLine)!;
  return readFileSync(path.join(root, file!), "utf8").split("\n")[Number(line) - 1]!;
}

describe("markdown import: a Jekyll _posts folder", () => {
  const source = path.join(fixtures, "jekyll", "_posts");
  let root: string;
  let report: ImportReport;
  let lines: string[];

  beforeAll(async () => {
    root = makePublication({});
    report = await runImport(options(source, root, { markdown: { permalink: "/:year/:month/:day/:title/" } }));
    lines = formatImportReport(report);
  });

  it("takes the date from the file name when front matter has none, and drops the prefix from the slug", () => {
    expect(report.posts.map((post) => post.file).sort()).toEqual(["posts/2015/ferry-schedule.md", "posts/2016/river-walk-opens.md", "posts/2024/market-hours.md"]);
    expect(readPost(root, "posts/2016/river-walk-opens.md").data.date).toBe("2016-07-18");
  });

  it("writes dates in the kit's form: `-4` offsets kept, a time without offset read in the site's zone", () => {
    expect(readPost(root, "posts/2015/ferry-schedule.md").data.date).toBe("2015-03-17T14:00:00-04:00");
    expect(readPost(root, "posts/2024/market-hours.md").data.date).toBe("2024-03-12T10:00:00-04:00");
  });

  it("reads lenient YAML, authors by display name or id, excerpt/summary as description, and string categories as Jekyll does", () => {
    const river = readPost(root, "posts/2016/river-walk-opens.md").data;
    expect(river).toMatchObject({
      title: "The river walk opens: two miles from the lock gate to the old mill",
      author: "maya-okafor",
      category: "city-hall",
      tags: ["river walk", "parks"],
      description: "After six years of plans and one flood, the path along the Tamsin is open to walkers.",
    });
    expect(river.categories).toBeUndefined();
    const ferry = readPost(root, "posts/2015/ferry-schedule.md").data;
    expect(ferry).toMatchObject({ author: "eli-marsh", category: "transit", categories: ["notes"], tags: ["ferries"] });
    expect(readPost(root, "posts/2024/market-hours.md").data.description).toBe("Stallholders voted to keep the 9-to-1 schedule for two more months.");
    const authors = JSON.parse(readFileSync(path.join(root, "_data/authors.json"), "utf8"));
    expect(authors["eli-marsh"]).toEqual({ name: "Eli Marsh" });
    expect(Object.keys(authors)).not.toContain("maya-okafor-2");
  });

  it("files a post without categories under its first tag that is a category, and credits a post without author to staff", () => {
    expect(readPost(root, "posts/2024/market-hours.md").data).toMatchObject({ category: "economy", author: "staff" });
    expect(lines).toContain('posts without an author are credited to "staff" — check _data/authors.json (or run again with --author ID)');
  });

  it("copies images from the old site's root (found from _config.yml) and points lead images and bodies at them", () => {
    expect(readPost(root, "posts/2016/river-walk-opens.md").data.image).toEqual({ src: "/img/assets/blog/river-walk.svg", alt: "The new river walk path beside the water" });
    expect(readPost(root, "posts/2015/ferry-schedule.md").data.image).toEqual({ src: "/img/assets/blog/river-walk.svg", alt: "" });
    expect(readPost(root, "posts/2024/market-hours.md").data.image).toEqual({ src: "/img/assets/blog/market-stalls.svg", alt: "" });
    expect(readFileSync(path.join(root, "img/assets/blog/lock-gate.svg"), "utf8")).toContain("Lock gate");
    expect(readPost(root, "posts/2016/river-walk-opens.md").body).toContain("![The lock gate at the start of the path](/img/assets/blog/lock-gate.svg)");
    expect(readPost(root, "posts/2015/ferry-schedule.md").body).toContain("[lock gate photo](/img/assets/blog/lock-gate.svg)");
    expect(report.decorative.sort()).toEqual(["posts/2015/ferry-schedule.md", "posts/2024/market-hours.md"]);
  });

  it("resolves site-base Liquid and post_url, keeps {% raw %} text, and reports other Liquid at its line", () => {
    const { body } = readPost(root, "posts/2016/river-walk-opens.md");
    expect(body).toContain("[Last spring's ferry story](/2015/03/ferry-schedule/)");
    expect(body).toContain("Jekyll authors write `{{ site.title }}`.");
    expect(body).not.toContain("raw %}");
    const leftovers = lines.filter((line) => line.includes(" Liquid "));
    expect(leftovers).toEqual(["posts/2016/river-walk-opens.md:28: Liquid {% include newsletter-signup.html %} left in the text — replace it with HTML or Markdown, or remove it"]);
    expect(lineAt(root, leftovers[0]!)).toBe("{% include newsletter-signup.html %}");
  });

  it("gives old URLs as aliases: permalink and redirect_from from front matter, the --permalink pattern for the others", () => {
    expect(readPost(root, "posts/2016/river-walk-opens.md").data.aliases).toEqual(["/2016/07/18/river-walk-opens/", "/notebook/river-walk/"]);
    expect(readPost(root, "posts/2015/ferry-schedule.md").data.aliases).toEqual(["/transit/ferry-schedule.html"]);
    expect(readPost(root, "posts/2024/market-hours.md").data.aliases).toEqual(["/2024/03/12/market-hours/"]);
  });

  it("is idempotent", async () => {
    const before = snapshot(root);
    const again = formatImportReport(await runImport(options(source, root, { markdown: { permalink: "/:year/:month/:day/:title/" } })));
    expect(snapshot(root)).toEqual(before);
    expect(again.at(-1)).toMatch(/^imported 0 posts, 0 authors, 0 categories, 0 images; 3 unchanged;/);
  });
});

describe("markdown import: a Hugo content folder", () => {
  const source = path.join(fixtures, "hugo", "content", "posts");
  let root: string;
  let lines: string[];

  beforeAll(async () => {
    root = makePublication({});
    lines = formatImportReport(await runImport(options(source, root, { markdown: { permalink: "/:section/:slug/" } })));
  });

  it("reads TOML front matter and page bundles, and skips section pages", () => {
    const { data } = readPost(root, "posts/2024/harbour-lights.md");
    expect(data).toEqual({
      title: "Harbour lights",
      date: "2024-05-02T19:00:00+02:00",
      author: ["ingrid-solberg", "tomas-novak"],
      category: "environment",
      tags: ["lighthouse", "night sky"],
      description: "The harbour board dims the quay lamps for a month of star counting.",
      image: { src: "/img/2024/harbour-lights/lights.svg", alt: "", caption: "The quay at dusk, lamps dimmed." },
      aliases: ["/posts/harbour-lights/", "/old/harbour-lights/"],
    });
    expect(lines).toContain("skipped 1 section page (_index)");
  });

  it("copies the bundle's images and Hugo's static/ files, and points the post at them", () => {
    expect(readPost(root, "posts/2024/harbour-lights.md").body).toContain("![A dimmed quay lamp](/img/2024/harbour-lights/lamp.svg)");
    expect(readFileSync(path.join(root, "img/2024/harbour-lights/lamp.svg"), "utf8")).toContain("Lamp");
    expect(readPost(root, "posts/2024/tide-tables.md").data).toEqual({
      title: "Tide tables for the summer, in one page",
      date: "2024-04-01",
      author: "daniel-reyes",
      category: "environment",
      image: { src: "/img/images/tide.svg", alt: "A printed tide table pinned to a harbour noticeboard" },
      aliases: ["/tides/2024/"],
      draft: true,
    });
  });

  it("reports Hugo shortcodes at their lines", () => {
    const leftovers = lines.filter((line) => line.includes(" Hugo shortcode "));
    expect(leftovers.map((line) => line.split(" left in")[0])).toEqual([
      "posts/2024/harbour-lights.md:25: Hugo shortcode {{< youtube Qm7dX2pL9aE >}}",
      "posts/2024/tide-tables.md:16: Hugo shortcode {{% notice %}}",
      "posts/2024/tide-tables.md:16: Hugo shortcode {{% /notice %}}",
    ]);
    expect(lineAt(root, leftovers[0]!)).toBe("{{< youtube Qm7dX2pL9aE >}}");
  });
});

describe("markdown import: posts without categories, and an Eleventy folder", () => {
  function eleventyFolder(posts: Record<string, string>): string {
    const dir = path.join(tempDir("eleventy"), "posts");
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(posts)) writeFileSync(path.join(dir, file), text);
    return dir;
  }
  const plain = (title: string, more = "") => `---\ntitle: ${title}\ndate: 2025-02-03\nauthor: Ada Quill\n${more}---\n\nA paragraph about ${title.toLowerCase()}.\n`;

  it("puts a post without category or matching tag under `uncategorized`, made and named in the report", async () => {
    const root = makePublication({});
    const lines = formatImportReport(await runImport(options(eleventyFolder({ "kite-festival.md": plain("Kite festival", "tags: [kites]\n") }), root)));
    expect(readPost(root, "posts/2025/kite-festival.md").data).toMatchObject({ category: "uncategorized", author: "ada-quill", tags: ["kites"] });
    expect(JSON.parse(readFileSync(path.join(root, "_data/categories.json"), "utf8")).uncategorized).toEqual({ name: "Uncategorized", description: "Stories filed under Uncategorized." });
    expect(lines).toContain('posts without a category are filed under "uncategorized" — give them a category (or run again with --category ID)');
  });

  it("--category names the primary category of posts without one, and makes it when missing", async () => {
    const root = makePublication({});
    await runImport(options(eleventyFolder({ "kite-festival.md": plain("Kite festival"), "old-pier.md": plain("Old pier", "categories: Courts\n") }), root, { category: "community" }));
    expect(readPost(root, "posts/2025/kite-festival.md").data.category).toBe("community");
    expect(readPost(root, "posts/2025/old-pier.md").data.category).toBe("courts");
    expect(JSON.parse(readFileSync(path.join(root, "_data/categories.json"), "utf8")).community.name).toBe("Community");
  });

  it("skips, with the reason, a post without any date and one whose front matter does not parse", async () => {
    const root = makePublication({});
    const lines = formatImportReport(
      await runImport(options(eleventyFolder({ "undated.md": "---\ntitle: Undated\n---\nText.\n", "broken.md": "---\ntitle: [unclosed\ndate: 2025-01-01\n---\nText.\n" }), root)),
    );
    expect(lines).toContain("undated.md:1: no date — add `date:` or name the file YYYY-MM-DD-slug.md; skipped");
    expect(lines.find((line) => line.startsWith("broken.md:"))).toMatch(/^broken\.md:\d+: YAML does not parse: .* — skipped$/);
    expect(existsSync(path.join(root, "posts"))).toBe(false);
  });
});

describe("npm run import -- markdown (the command)", () => {
  it("imports the Jekyll and Hugo folders into one publication that passes the content check and builds", async () => {
    const root = makePublication({});
    const jekyll = await runImportCli(["markdown", path.join(fixtures, "jekyll", "_posts"), "--into", root, "--permalink", "pretty"]);
    expect(jekyll.stderr).toBe("");
    expect(jekyll.stdout).toMatch(/^imported 3 posts, 2 authors, 2 categories, 3 images;/m);
    expect(jekyll.status).toBe(0);
    // A copy of the Hugo site whose root is given with --site-root.
    const hugoCopy = path.join(tempDir("hugo"), "site");
    cpSync(path.join(fixtures, "hugo"), hugoCopy, { recursive: true });
    const hugo = await runImportCli(["markdown", path.join(hugoCopy, "content", "posts"), "--into", root, "--site-root", hugoCopy]);
    expect(hugo.stdout).toMatch(/^imported 2 posts, 0 authors, 0 categories, 3 images;/m);
    expect(hugo.status).toBe(0);
    const check = runScript("scripts/validate.ts", ["--content", root]);
    expect(check.stdout).toMatch(/^0 errors, \d+ warnings?$/m);
    expect(check.status).toBe(0);
    const site = path.join(tempDir("markdown-site"), "_site");
    const build = runBuild(root, site);
    expect(build.status, build.stderr).toBe(0);
    const river = readFileSync(path.join(site, "2016/07/river-walk-opens/index.html"), "utf8");
    expect(river).toContain('href="/2015/03/ferry-schedule/"');
    expect(river).toContain("{% include newsletter-signup.html %}");
  });

  it("refuses an option value that is not an id, in one line", async () => {
    const result = await runImportCli(["markdown", path.join(fixtures, "jekyll", "_posts"), "--category", "City Hall"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("import: --category City Hall: ids use only lowercase letters a-z, digits and hyphens — e.g. city-hall");
  });
});
