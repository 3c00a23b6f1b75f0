// The interface in the publication's language: the sample built with "language": "es" shows
// no English interface string. Every visible text of one page of each kind (and the labels
// readers hear: aria-label, placeholder, title, alt) is taken, content is taken out of it — the
// publication's own words (headlines, names, tags, descriptions…), rendered bodies and
// excerpts, dates — and what is left must be made of Spanish messages, and hold no English one.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadPublication, type Publication } from "../../src/content/load.ts";
import { displayMonth } from "../../src/dates/index.ts";
import { readCatalogue, type Message } from "../../src/i18n/index.ts";
import { archiveUrl, articlePartUrl, authorUrl, categoryUrl, homeUrl, monthUrl, notFoundUrl, searchUrl, tagUrl } from "../../src/urls/index.ts";
import { TEST_NOW } from "../helpers/build.ts";
import { buildSampleIn } from "../helpers/language-build.ts";
import { fileForUrl } from "../helpers/site.ts";

/** Markup that holds the publication's words as rendered, not as written: bodies, bios, excerpts, dates. */
const RENDERED_CONTENT = [".article-body", ".author-box-bio", ".author-profile-bio", ".card-summary", "time"];
const LABELS = ["aria-label", "placeholder", "title", "alt"];
const LETTER = /\p{L}/u;

/** The texts of a message's wording between its placeholders and span tags. */
function literalsOf(message: Message): string[] {
  const texts = typeof message === "string" ? [message] : Object.values(message);
  return texts.flatMap((text) => text.split(/\{\w+\}|<\/?[a-z]+>/)).map((piece) => piece.trim()).filter((piece) => LETTER.test(piece));
}

/** The interface's words in a language: its catalogue's, and the words Intl.ListFormat joins names with ("y", "e"). */
const literals = (language: string) => [
  ...Object.values(readCatalogue(language)).flatMap(literalsOf),
  ...[["a", "b"], ["a", "i"]].flatMap((names) => new Intl.ListFormat(language).formatToParts(names).filter((part) => part.type === "literal").map((part) => part.value.trim())),
];

/** Every string the publication holds (its data files and front matter): content wherever it shows. */
function contentStrings(publication: Publication): string[] {
  const strings = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      if (LETTER.test(value)) strings.add(value.trim());
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value instanceof Map) [...value.values()].forEach(walk);
    else if (value && typeof value === "object" && !(value instanceof DateTime)) Object.values(value).forEach(walk);
  };
  walk({ ...publication, messages: undefined, warnings: undefined });
  // Social networks go by their own names: the footer's, from the keys of site.json's
  // `social`, and the author pages' links.
  for (const network of ["X", "Mastodon", "Bluesky", ...Object.keys(publication.site.social ?? {})]) strings.add(network[0]!.toUpperCase() + network.slice(1));
  return [...strings];
}

/** The texts a reader sees or hears on a page: its title, the text of its body and the labels of its elements. */
function visibleTexts(html: string): string[] {
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll(RENDERED_CONTENT.join(", "))) element.remove();
  const texts = [document.title];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      // Neighbouring text nodes (the parser may cut a text at an entity) are one text.
      if (node.previousSibling?.nodeType === 3) texts[texts.length - 1] += node.textContent ?? "";
      else texts.push(node.textContent ?? "");
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (["SCRIPT", "STYLE", "TEMPLATE"].includes(element.tagName)) return;
    for (const label of LABELS) if (element.getAttribute(label)) texts.push(element.getAttribute(label)!);
    // Browsers without JavaScript show <noscript> as markup; a parser may hand it over as text.
    if (element.tagName === "NOSCRIPT" && element.children.length === 0) return visibleTexts(`<body>${element.textContent}</body>`).slice(1).forEach((text) => texts.push(text));
    element.childNodes.forEach(walk);
  };
  walk(document.body);
  return texts.map((text) => text.replace(/\s+/g, " ").trim()).filter((text) => LETTER.test(text));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `words` where they stand as words, not inside other words. */
const asWords = (words: string, flags = "u") => new RegExp(`(?<!\\p{L})${escapeRegExp(words)}(?!\\p{L})`, flags);
const holdsWord = (text: string, words: string) => asWords(words).test(text);

/** `text` with every occurrence of each of `strings` (longest first, as words) taken out. */
function without(text: string, strings: readonly string[]): string {
  return [...strings].sort((a, b) => b.length - a.length).reduce((rest, string) => rest.replace(asWords(string, "gu"), " "), text);
}

/** English interface wording a text holds: the English messages' literals no Spanish message shares. */
function englishIn(text: string, englishOnly: readonly string[]): string[] {
  return englishOnly.filter((literal) => holdsWord(text, literal));
}

describe("the sample built in Spanish", () => {
  let site: string;
  let publication: Publication;
  let content: string[];
  let pages: Record<string, string>;
  const spanish = literals("es");
  const englishOnly = [...new Set(literals("en"))].filter((literal) => !spanish.includes(literal));

  beforeAll(async () => {
    const built = buildSampleIn("es");
    site = built.site;
    publication = await loadPublication(built.content, { now: DateTime.fromISO(TEST_NOW, { setZone: true }) });
    // Dates are content: months as archives name them, in a sentence and starting a heading.
    const months = publication.articles.flatMap((article) => {
      const month = displayMonth(article.date, "es");
      return [month, publication.messages.capitalised(month)];
    });
    content = [...contentStrings(publication), ...months];
    const paged = publication.articles.find((article) => article.parts.length > 1)!;
    const [newest] = publication.articles;
    pages = {
      home: homeUrl,
      "article page 2 of several": articlePartUrl(paged.url, 2),
      category: categoryUrl(newest!.categoryId),
      tag: tagUrl(newest!.tags[0]!.slug),
      author: authorUrl(newest!.authorIds[0]!),
      "archive index": archiveUrl,
      "month archive": monthUrl(newest!.date.year, newest!.date.month),
      search: searchUrl,
      "404": notFoundUrl,
    };
    // An old address of a story, where a page says it has moved (query addresses are the host's rules).
    const alias = publication.articles.flatMap((article) => article.aliases).find((path) => !path.includes("?"));
    if (alias) pages["redirect from an old address"] = alias;
  });

  const textsOf = (siteDir: string, url: string) => visibleTexts(readFileSync(fileForUrl(siteDir, url), "utf8")).map((text) => without(text, content));

  it("shows no English interface string on any kind of page", () => {
    const found = Object.entries(pages).flatMap(([kind, url]) =>
      textsOf(site, url).flatMap((text) => englishIn(text, englishOnly).map((english) => `${kind} (${url}): "${text}" holds the English "${english}"`)),
    );
    expect(found).toEqual([]);
  });

  it("words every text that is not content with the Spanish catalogue", () => {
    const unexplained = Object.entries(pages).flatMap(([kind, url]) =>
      textsOf(site, url)
        .filter((text) => LETTER.test(without(text, spanish)))
        .map((text) => `${kind} (${url}): "${text}"`),
    );
    expect(unexplained).toEqual([]);
  });

  it("is read by the check as the English build is: the same pages in English hold English interface strings", () => {
    const english = inject("sampleSite");
    for (const [kind, url] of Object.entries(pages)) {
      const found = textsOf(english, url).flatMap((text) => englishIn(text, englishOnly));
      expect(found.length, `${kind} (${url})`).toBeGreaterThan(0);
    }
  });

  it("writes lang, months, counts and page titles in Spanish", () => {
    const home = parseHTML(readFileSync(path.join(site, "index.html"), "utf8")).document;
    expect(home.documentElement.getAttribute("lang")).toBe("es");
    expect(home.documentElement.getAttribute("dir")).toBe("ltr");
    expect(home.querySelector(".listing-title")!.textContent).toBe("Últimas noticias");
    const archive = parseHTML(readFileSync(fileForUrl(site, archiveUrl), "utf8")).document;
    const months = [...archive.querySelectorAll(".archive-months a")].map((link) => link.textContent);
    expect(months.every((month) => /^(Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Octubre|Noviembre|Diciembre) de \d{4}$/.test(month!))).toBe(true);
    expect([...archive.querySelectorAll(".archive-months .index-count")].map((count) => count.textContent)).toContain("1 noticia");
    const paged = parseHTML(readFileSync(fileForUrl(site, pages["article page 2 of several"]!), "utf8")).document;
    expect(paged.title).toMatch(/ \(página 2 de \d\) — /);
    expect(paged.querySelector(".pager-status")!.textContent).toMatch(/^Página 2 de \d$/);
    expect(paged.querySelector(".reading-time")!.textContent).toMatch(/^\d+ min de lectura$/);
  });
});
