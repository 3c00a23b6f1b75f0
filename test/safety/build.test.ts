// The build as a careless or hostile edit meets it: it refuses what `npm run check` refuses,
// with the same line; an unexpected failure is one line naming what it was doing and which
// file; the previous site stays exactly as it was; only files published pages use are
// published, as files, and feeds stay well-formed XML.
import { beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makePublication, runBuild, runScript, tempDir } from "../helpers/build.ts";
import { allFiles, readPage, urlExists } from "../helpers/site.ts";
import { parseXml } from "../helpers/xml.ts";
import { post } from "../validation/check.ts";
import { besideOutput, pngClaiming, treeHash } from "./helpers.ts";

const withImage = (src: string, extra: Record<string, string | null> = {}, body?: string) => post({ image: `image:\n  src: ${src}\n  alt: A drawing`, ...extra }, body);

describe("a build that must not happen", () => {
  const content = makePublication({ "a.md": post() });
  const output = path.join(tempDir("out"), "_site");
  let before: Record<string, string>;

  beforeAll(() => {
    expect(runBuild(content, output).status).toBe(0);
    before = treeHash(output);
  });

  it("refuses what the check refuses, with the same line, and leaves the site as it was", () => {
    writeFileSync(path.join(content, "img/posts/notes.jpg"), "These are notes, not a photo.\n");
    writeFileSync(path.join(content, "posts/b.md"), withImage("/img/posts/notes.jpg"));
    const line = "posts/b.md:7: image.src: /img/posts/notes.jpg is not an image the build can read — save it as JPEG, PNG, WebP, AVIF, GIF or SVG";
    const check = runScript("scripts/validate.ts", ["--content", content]);
    expect(check.stdout.split("\n")).toContain(line);
    const build = runBuild(content, output);
    expect(build.status).toBe(1);
    expect(build.stderr.split("\n")).toEqual([line, "1 error, 0 warnings", `Build stopped before writing anything: ${output} is unchanged.`, ""]);
    expect(treeHash(output)).toEqual(before);
    expect(besideOutput(output)).toEqual([]);
    rmSync(path.join(content, "posts/b.md"));
  });

  it("ends an unexpected failure in one line naming what it was doing and the file, the trace only with --debug", () => {
    // A damaged image the check remembers as decoding (its bytes' hash in .cache/image-checks/:
    // a cache that lies) gets past the check to the encoder.
    const broken = pngClaiming(16, 16);
    broken.write("garbage garbage garbage", broken.indexOf("IDAT") + 4, "latin1");
    writeFileSync(path.join(content, "img/posts/broken.png"), broken);
    const marker = path.join(content, ".cache/image-checks", createHash("sha256").update(broken).digest("hex").slice(0, 32));
    mkdirSync(path.dirname(marker), { recursive: true });
    writeFileSync(marker, "");
    writeFileSync(path.join(content, "posts/c.md"), withImage("/img/posts/broken.png"));

    const build = runBuild(content, output);
    expect(build.status).toBe(1);
    expect(build.stderr).toBe(
      `Build failed while processing images (img/posts/broken.png): pngload_buffer: IDAT stream error — nothing was changed: ${output} is as it was. Run with --debug for the full trace.\n`,
    );
    expect(treeHash(output)).toEqual(before);
    expect(besideOutput(output)).toEqual([]);

    const debug = runBuild(content, output, ["--debug"]);
    expect(debug.status).toBe(1);
    // libvips may repeat its message on a line of its own before the stack.
    expect(debug.stderr).toMatch(/Run with --debug for the full trace\.\n.*could not process the image [^\n]*broken\.png[^\n]*\n(.*\n)*?\s+at /);
    expect(treeHash(output)).toEqual(before);
    rmSync(path.join(content, "posts/c.md"));
  });
});

describe("what a build publishes", () => {
  const content = makePublication(
    {
      "published.md": withImage(
        "/img/posts/gavel.svg",
        { title: "title: Council\f votes\x01 on the \x1bbudget", tags: "tags: [budget]" },
        "The first\0 paragraph\uFFFE.\n\n![The chart](/img/posts/chart.svg)\n\nRead [the report](/files/report.pdf).\n",
      ),
      "old.md": post({ title: "title: The river freezes over", date: "date: 1870-05-04T09:30:00" }),
      "scheduled.md": withImage("/img/posts/embargoed.svg", { date: "date: 2027-01-05T08:00:00-05:00" }, "Text.\n\n![Secret](/img/posts/embargoed-chart.svg)\n\n[Leak](/files/embargoed.pdf)\n"),
      "draft.md": withImage("/img/posts/draft-photo.svg", { draft: "draft: true" }, "Text.\n\n[Notes](/files/draft-notes.pdf)\n"),
    },
    {
      "files/report.pdf": "%PDF-1.4 a report\n",
      "files/embargoed.pdf": "%PDF-1.4 not yet\n",
      "files/draft-notes.pdf": "%PDF-1.4 notes\n",
    },
  );
  for (const name of ["chart", "embargoed", "embargoed-chart", "draft-photo"]) {
    writeFileSync(path.join(content, `img/posts/${name}.svg`), readFileSync(path.join(content, "img/posts/gavel.svg"), "utf8").replace("<svg", `<svg data-name="${name}"`));
  }
  // A link in img/ to a file outside the publication, used by nothing: it must not come along.
  const outside = path.join(tempDir("outside"), "secret.txt");
  writeFileSync(outside, "outside the publication");
  symlinkSync(outside, path.join(content, "img/secret.txt"));

  const output = path.join(tempDir("out"), "_site");
  const preview = path.join(tempDir("out"), "_site");
  beforeAll(() => {
    const build = runBuild(content, output);
    expect(build.stderr).toContain("posts/published.md:2: warning: removed 3 invisible control characters");
    expect(build.status).toBe(0);
    expect(runBuild(content, preview, ["--drafts"]).status).toBe(0);
  });

  it("publishes the logo and the published article's body image and attachment, as files", () => {
    for (const file of ["img/logo.svg", "img/posts/chart.svg", "files/report.pdf"]) {
      expect(lstatSync(path.join(output, file)).isFile(), file).toBe(true);
    }
    expect(allFiles(output).filter((file) => lstatSync(path.join(output, file)).isSymbolicLink())).toEqual([]);
    expect(allFiles(output).filter((file) => file.startsWith("img/") && !lstatSync(path.join(output, file)).isDirectory())).toEqual(["img/logo.svg", "img/posts/chart.svg"]);
  });

  it("keeps a scheduled story's and a draft's images and files private until they are published", () => {
    for (const file of ["img/posts/embargoed.svg", "img/posts/embargoed-chart.svg", "img/posts/draft-photo.svg", "files/embargoed.pdf", "files/draft-notes.pdf", "img/secret.txt"]) {
      expect(urlExists(output, `/${file}`), file).toBe(false);
    }
    // The preview publishes them: the renditions of the scheduled lead image are not in the production site.
    const lead = readPage(preview, "/2027/01/scheduled/").querySelector(".lead-image img, figure img")!.getAttribute("src")!;
    expect(urlExists(preview, lead)).toBe(true);
    expect(urlExists(output, lead)).toBe(false);
    expect(urlExists(preview, "/files/embargoed.pdf")).toBe(true);
  });

  it("writes feeds and sitemaps that are well-formed XML although the copy held control characters", () => {
    const xmlFiles = allFiles(output).filter((file) => file.endsWith(".xml"));
    expect(xmlFiles.length).toBeGreaterThan(5);
    for (const file of xmlFiles) expect(() => parseXml(readFileSync(path.join(output, file), "utf8")), file).not.toThrow();
    expect(readFileSync(path.join(output, "feed.xml"), "utf8")).toContain("<title>Council votes on the budget</title>");
  });

  it("dates a story from before standard time with whole-minute offsets in every feed", () => {
    expect(readFileSync(path.join(output, "feed.xml"), "utf8")).toContain("<pubDate>Wed, 04 May 1870 09:30:02 -0456</pubDate>");
    expect(readFileSync(path.join(output, "atom.xml"), "utf8")).toContain("<published>1870-05-04T09:30:02-04:56</published>");
    expect(JSON.parse(readFileSync(path.join(output, "feed.json"), "utf8")).items.at(-1).date_published).toBe("1870-05-04T09:30:02-04:56");
  });
});
