// `npm run import -- wordpress`: the fixture export (fixtures/wordpress/export.xml) into a copy
// of the sample publication, its uploads served by a test server on 127.0.0.1, one address
// where nothing answers.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yaml from "js-yaml";
import { makePublication, runBuild, runScript, tempDir } from "../helpers/build.ts";
import { runImport, type ImportOptions, type ImportReport } from "../../src/import/index.ts";
import { formatImportReport } from "../../src/import/report.ts";
import { fileForUrl, readPage } from "../helpers/site.ts";
import { closedPortBase, readPost, runImportCli, snapshot, startUploadServer, writeExport, type UploadServer } from "./helpers.ts";

let server: UploadServer;
let gone: string;
let exportFile: string;
let root: string;
let report: ImportReport;
let lines: string[];

const options = (into: string, more: Partial<ImportOptions> = {}): ImportOptions => ({
  kind: "wordpress",
  source: exportFile,
  into,
  dryRun: false,
  force: false,
  timeoutMs: 5000,
  ...more,
});

beforeAll(async () => {
  server = await startUploadServer();
  gone = await closedPortBase();
  exportFile = writeExport(tempDir("wxr"), server.base, gone);
  root = makePublication({});
  report = await runImport(options(root));
  lines = formatImportReport(report);
});

afterAll(() => server.close());

describe("wordpress import: posts", () => {
  it("writes published, draft and scheduled posts under posts/<yyyy>/, and leaves the page and the menu item out", () => {
    expect(report.posts.map((post) => post.file).sort()).toEqual([
      "posts/2024/council-budget-notes-for-thursday.md",
      "posts/2024/fiestas-del-barrio.md",
      "posts/2024/harbour-ferries-return.md",
      "posts/2024/i-psaragora.md",
      "posts/2031/lighthouse-centenary.md",
    ]);
    expect(existsSync(path.join(root, "posts/2024/about.md"))).toBe(false);
    expect(lines).toContain("skipped 1 page — static pages go under pages/ (see the README)");
  });

  it("writes the front matter of a published post: date with its offset, author, categories with the parent, tags, excerpt, featured image, old URLs", () => {
    const { data } = readPost(root, "posts/2024/harbour-ferries-return.md");
    expect(data).toEqual({
      title: "Harbour ferries return after the winter pause",
      date: "2024-05-14T08:30:00-04:00",
      author: "jcastillo",
      category: "port-and-ferries",
      categories: ["news"],
      tags: ["ferries", "Summer timetable"],
      description: "The first ferry of the season crossed on Tuesday, with refitted decks and an unchanged fare.",
      image: { src: "/img/2024/05/harbour-dawn.svg", alt: "Fishing boats moored at the north quay at first light", caption: "The north quay before the first sailing." },
      aliases: ["/2024/05/14/harbour-ferries-return/", "/?p=101"],
    });
  });

  it("keeps the draft as a draft and the scheduled post with its future date", () => {
    expect(readPost(root, "posts/2024/council-budget-notes-for-thursday.md").data).toMatchObject({ title: "Council budget: notes for Thursday", date: "2024-06-10T16:45:00-04:00", draft: true });
    expect(readPost(root, "posts/2024/council-budget-notes-for-thursday.md").data.aliases).toBeUndefined();
    expect(readPost(root, "posts/2031/lighthouse-centenary.md").data).toMatchObject({ date: "2031-08-01T10:00:00+02:00", aliases: ["/2031/08/01/lighthouse-centenary/", "/?p=105"] });
    expect(readPost(root, "posts/2031/lighthouse-centenary.md").data.draft).toBeUndefined();
  });

  it("round-trips non-ASCII titles and old URLs through the YAML front matter", () => {
    const greek = readPost(root, "posts/2024/i-psaragora.md");
    expect(greek.data.title).toBe("Η ψαραγορά ανοίγει ξανά");
    expect(greek.data.aliases).toEqual(["/2024/06/03/η-ψαραγορά/", "/?p=103"]);
    expect(greek.data.category).toBe("agora");
    // js-yaml (the lenient reader other generators use) reads the same values.
    const text = readFileSync(path.join(root, "posts/2024/i-psaragora.md"), "utf8");
    expect(yaml.load(text.split("---\n")[1]!)).toMatchObject({ title: greek.data.title, aliases: greek.data.aliases });
    expect(readPost(root, "posts/2024/fiestas-del-barrio.md").data.title).toBe("Las fiestas del barrio llenan la Plaza Mayor");
  });

  it("writes authors and categories into the publication's data, next to the existing ones", () => {
    const authors = JSON.parse(readFileSync(path.join(root, "_data/authors.json"), "utf8"));
    expect(authors["maya-okafor"].name).toBe("Maya Okafor");
    expect(authors.jcastillo).toEqual({ name: "Julia Castillo", bio: "Julia Castillo covers the port, the ferries and everyone who works the quays." });
    expect(authors["nikos-p"]).toEqual({ name: "Nikos Papadakis" });
    const categories = JSON.parse(readFileSync(path.join(root, "_data/categories.json"), "utf8"));
    expect(categories.statehouse.name).toBe("Statehouse");
    expect(categories.news).toEqual({ name: "News", description: "Stories filed under News." });
    expect(categories["port-and-ferries"]).toEqual({ name: "Port & Ferries", description: "Sailings, cargo and the people of the quays." });
    expect(categories.fiestas).toEqual({ name: "Fiestas y cultura", description: "Stories filed under Fiestas y cultura." });
    expect(categories.agora).toEqual({ name: "Αγορά", description: "Stories filed under Αγορά." });
  });
});

describe("wordpress import: bodies", () => {
  it("turns [caption] into a figure, downloads the old site's uploads and points the body at them", () => {
    const { body } = readPost(root, "posts/2024/harbour-ferries-return.md");
    expect(body).toContain(
      '<figure><a href="/img/2024/05/ferry-deck.svg"><img class="size-large wp-image-202" src="/img/2024/05/ferry-deck.svg" alt="Passengers on the ferry\'s upper deck" width="640" height="360"></a><figcaption>The refitted upper deck on its first crossing.</figcaption></figure>',
    );
    expect(body).toContain('<a href="/files/2024/05/ferry-timetable.pdf">summer timetable</a>');
    expect(body).not.toContain("srcset");
    expect(readFileSync(path.join(root, "img/2024/05/ferry-deck.svg"), "utf8")).toContain("Ferry deck");
    expect(readFileSync(path.join(root, "files/2024/05/ferry-timetable.pdf"), "utf8")).toContain("%PDF-1.4");
    // A link to another imported post goes to its new URL.
    expect(body).toContain('<a href="/2024/05/fiestas-del-barrio/">our festival guide</a>');
  });

  it("writes WordPress's paragraphs and line breaks out, and keeps <!--more--> and <!--nextpage--> on lines of their own", () => {
    const { body } = readPost(root, "posts/2024/harbour-ferries-return.md");
    expect(body).toContain("<p>Crews spent the winter refitting both boats.<br>\nThe larger one now carries bicycles on the upper deck.</p>\n\n<!--more-->\n\n<figure>");
    expect(body).toContain("<h2>Fares</h2>\n\n<p>Fares are unchanged from last year: <strong>€4</strong> one way, €7 return.</p>");
    const fiestas = readPost(root, "posts/2024/fiestas-del-barrio.md").body;
    expect(fiestas).toMatch(/\n<!--nextpage-->\n/);
    expect(fiestas).not.toContain("wp:paragraph");
  });

  it("turns [gallery] into a figure of the downloaded images, and video links into players", () => {
    const { body, data } = readPost(root, "posts/2024/fiestas-del-barrio.md");
    expect(body).toContain('<figure class="gallery">\n<figure><img src="/img/2024/05/plaza-lanterns.svg" alt="Paper lanterns strung across the Plaza Mayor"><figcaption>Farolillos sobre la plaza.</figcaption></figure>\n<img src="/img/2024/05/dancers.svg" alt>\n</figure>');
    expect(body).toContain('<iframe src="https://www.youtube-nocookie.com/embed/Qm7dX2pL9aE" title="Video from YouTube"');
    expect(readPost(root, "posts/2024/i-psaragora.md").body).toContain('<iframe src="https://player.vimeo.com/video/76979871" title="Video from Vimeo"');
    // The featured image has no alt text in WordPress: decorative, and counted.
    expect(data.image).toEqual({ src: "/img/2024/05/dancers.svg", alt: "" });
    expect(report.decorative).toEqual(["posts/2024/fiestas-del-barrio.md"]);
  });

  it("leaves other shortcodes in place and reports them at the line where they are", () => {
    const leftover = lines.find((line) => line.includes("[contact-form-7"));
    const [, file, line] = /^(posts\/\S+\.md):(\d+): shortcode /.exec(leftover ?? "")!;
    expect(readFileSync(path.join(root, file!), "utf8").split("\n")[Number(line) - 1]).toContain('[contact-form-7 id="12" title="Fotos de la fiesta"]');
  });

  it("imports a post whose files cannot be fetched: the body keeps the old address, the lead image is left out with a warning", () => {
    const { body, data } = readPost(root, "posts/2024/i-psaragora.md");
    expect(data.image).toBeUndefined();
    expect(body).toContain(`<img src="${gone}/wp-content/uploads/2024/06/old-market.svg" alt="The fish market before the works">`);
    expect(lines).toContain(`posts/2024/i-psaragora.md: lead image ${gone}/wp-content/uploads/2024/06/old-market-roof.svg could not be fetched (connection refused) — left out`);
    expect(lines).toContain(`posts/2024/i-psaragora.md: ${gone}/wp-content/uploads/2024/06/old-market.svg could not be fetched (connection refused) — the body keeps the old address`);
  });

  it("ends with a one-line summary", () => {
    expect(lines.at(-1)).toBe('imported 5 posts, 2 authors, 4 categories, 4 images, 1 file; 1 shortcode left, see above; 2 images could not be fetched; 1 lead image without alt text (alt: "")');
  });
});

describe("wordpress import: merging", () => {
  it("is idempotent: a second run changes no byte and fetches nothing again", async () => {
    const before = snapshot(root);
    const fetched = server.requests.length;
    const again = formatImportReport(await runImport(options(root)));
    expect(snapshot(root)).toEqual(before);
    expect(server.requests.length).toBe(fetched);
    expect(again.at(-1)).toMatch(/^imported 0 posts, 0 authors, 0 categories, 0 images; 5 unchanged;/);
  });

  it("never replaces an edited post or author without --force", async () => {
    const into = makePublication({});
    await runImport(options(into));
    const post = path.join(into, "posts/2024/harbour-ferries-return.md");
    const edited = readFileSync(post, "utf8").replace("Crews spent the winter", "Crews spent all winter");
    writeFileSync(post, edited);
    const authorsFile = path.join(into, "_data/authors.json");
    const authors = JSON.parse(readFileSync(authorsFile, "utf8"));
    authors.jcastillo.name = "Julia M. Castillo";
    writeFileSync(authorsFile, JSON.stringify(authors, null, 2));

    const kept = formatImportReport(await runImport(options(into)));
    expect(readFileSync(post, "utf8")).toBe(edited);
    expect(JSON.parse(readFileSync(authorsFile, "utf8")).jcastillo.name).toBe("Julia M. Castillo");
    expect(kept).toContain("posts/2024/harbour-ferries-return.md: exists and differs from the import — kept (--force replaces it)");
    expect(kept).toContain('_data/authors.json: "jcastillo" exists and differs from the import — kept (--force replaces it)');

    await runImport(options(into, { force: true }));
    expect(readFileSync(post, "utf8")).toContain("Crews spent the winter");
    expect(JSON.parse(readFileSync(authorsFile, "utf8")).jcastillo.name).toBe("Julia Castillo");
  });

  it("--dry-run writes nothing and fetches nothing, and says what it would import", async () => {
    const into = makePublication({});
    const before = snapshot(into);
    const fetched = server.requests.length;
    const dry = formatImportReport(await runImport(options(into, { dryRun: true })));
    expect(snapshot(into)).toEqual(before);
    expect(server.requests.length).toBe(fetched);
    expect(dry.at(-1)).toMatch(/^dry run, nothing written: would import 5 posts, 2 authors, 4 categories, 6 images, 1 file;/);
  });
});

describe("npm run import -- wordpress (the command)", () => {
  it("prints the report, then the content check, which passes; the publication builds and passes the audit", async () => {
    const into = makePublication({});
    const result = await runImportCli(["wordpress", exportFile, "--into", into, "--timeout", "5"]);
    expect(result.stderr).toBe("");
    const out = result.stdout.split("\n");
    const summary = out.findIndex((line) => line.startsWith("imported 5 posts"));
    expect(summary).toBeGreaterThan(0);
    expect(out[summary + 2]).toBe("Content check (npm run check):");
    expect(out.filter((line) => / 0 errors?, /.test(` ${line}`))).toHaveLength(1);
    expect(result.status).toBe(0);

    expect(runScript("scripts/validate.ts", ["--content", into]).status).toBe(0);
    const site = path.join(tempDir("wordpress-site"), "_site");
    const build = runBuild(into, site);
    expect(build.status, build.stderr).toBe(0);
    // Readers get the story's HTML: the captioned photo, the gallery, the second page.
    const ferries = readFileSync(path.join(site, "2024/05/harbour-ferries-return/index.html"), "utf8");
    expect(ferries).toContain("<figcaption>The refitted upper deck on its first crossing.</figcaption>");
    expect(ferries).not.toContain("[caption");
    expect(ferries).not.toContain("&lt;p&gt;");
    expect(readFileSync(path.join(site, "2024/05/fiestas-del-barrio/index.html"), "utf8")).toContain("Paper lanterns strung across the Plaza Mayor");
    expect(readFileSync(path.join(site, "2024/05/fiestas-del-barrio/2/index.html"), "utf8")).toContain("la banda municipal cerró la fiesta");
    // Every old address redirects to its article: a page at the path, a rule in /_redirects.
    const rules = readFileSync(fileForUrl(site, "/_redirects"), "utf8").trim().split("\n");
    expect(rules).toContain("/2024/05/14/harbour-ferries-return/ /2024/05/harbour-ferries-return/ 301");
    expect(rules).toContain("/ p=101 /2024/05/harbour-ferries-return/ 301");
    expect(rules).toContain(`${encodeURI("/2024/06/03/η-ψαραγορά/")} /2024/06/i-psaragora/ 301`);
    expect(readPage(site, "/2024/05/20/fiestas-del-barrio/").querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toMatch(/^0; url=\S+\/2024\/05\/fiestas-del-barrio\/$/);
    // The audit (HTML, links, feeds, structured data, accessibility, budgets) finds nothing.
    const audit = runScript("scripts/audit.ts", ["--site", site, "--content", into]);
    expect(audit.stdout).toContain("No problems: the site is sound.");
    expect(audit.status).toBe(0);
  }, 180_000);

  it("says in one line, without a stack trace, when the source is missing or not a WordPress export", async () => {
    const into = makePublication({});
    const missing = await runImportCli(["wordpress", path.join(into, "nothing.xml"), "--into", into]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(`import: cannot read ${path.join(into, "nothing.xml")}: no such file`);

    const feed = path.join(into, "feed.xml");
    writeFileSync(feed, '<?xml version="1.0"?><rss version="2.0"><channel><title>Not an export</title></channel></rss>');
    const notWxr = await runImportCli(["wordpress", feed, "--into", into]);
    expect(notWxr.status).toBe(1);
    expect(notWxr.stderr.trim()).toBe(`import: ${feed}: not a WordPress export: no <rss><channel> with <wp:wxr_version> — export it from Tools → Export in WordPress`);

    writeFileSync(feed, "<rss><channel>\n<title>broken</channel>");
    const broken = await runImportCli(["wordpress", feed, "--into", into]);
    expect(broken.status).toBe(1);
    expect(broken.stderr.trim().split("\n")).toHaveLength(1);
    expect(broken.stderr).toMatch(/^import: .*feed\.xml: line 2: not well-formed XML: /);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(into, "posts"))).toBe(false);
  });
});
