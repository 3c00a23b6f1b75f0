// A deterministic synthetic publication for benchmarks: the same seed always writes the
// same files. Text is made of generated pseudo-words, images are generated SVG shapes.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";

export interface CorpusOptions {
  articles: number;
  seed?: number;
  /** Latest publication date; articles spread back over `years`. */
  until?: string;
  years?: number;
}

export const CORPUS_SHAPE = {
  words: 800,
  imageShare: 0.7,
  imagePool: 8,
  tagPool: 400,
  maxTags: 5,
  multiPageShare: 0.1,
  authors: 25,
  categories: 12,
} as const;

/** mulberry32: small, fast and good enough to shape test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["ka", "lo", "mer", "tin", "sa", "vor", "el", "dra", "po", "quin", "ru", "bel", "ost", "na", "fi", "gal", "ter", "hu", "mon", "zi", "ca", "len", "dor", "pre"];

export function generateCorpus(root: string, options: CorpusOptions): { files: number } {
  const next = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = (): string => Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join("");
  // Word frequencies follow Zipf's law, as in real prose: a few words are everywhere, most are rare.
  const vocabulary = [...new Set(Array.from({ length: 30000 }, word))];
  const cumulative: number[] = [];
  vocabulary.reduce((sum, _, rank) => {
    cumulative.push(sum + 1 / (rank + 1) ** 1.07);
    return cumulative.at(-1)!;
  }, 0);
  const zipfWord = (): string => {
    const target = next() * cumulative.at(-1)!;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return vocabulary[low]!;
  };
  const sentence = (): string => {
    const words = Array.from({ length: 8 + Math.floor(next() * 14) }, zipfWord);
    return `${words[0]!.charAt(0).toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(" ")}.`;
  };
  const paragraph = (words: number): string => {
    const sentences: string[] = [];
    let count = 0;
    while (count < words) {
      const text = sentence();
      sentences.push(text);
      count += text.split(" ").length;
    }
    return sentences.join(" ");
  };
  const title = (): string => paragraph(10).split(".")[0]!;
  let files = 0;
  const write = (file: string, text: string) => {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    files++;
  };

  const categories = Array.from({ length: CORPUS_SHAPE.categories }, (_, index) => `section-${index + 1}`);
  const authors = Array.from({ length: CORPUS_SHAPE.authors }, (_, index) => `writer-${index + 1}`);
  const tags = [...new Set(Array.from({ length: CORPUS_SHAPE.tagPool * 2 }, () => `${pick(vocabulary)} ${pick(vocabulary)}`))].slice(0, CORPUS_SHAPE.tagPool);
  const colours = ["#1d3557", "#457b9d", "#e63946", "#2a9d8f", "#e9c46a", "#f4a261", "#264653", "#8d99ae"];

  write("_data/site.json", JSON.stringify({ title: "Benchmark Gazette", url: "https://bench.example.org", language: "en", timezone: "America/Chicago", description: "A synthetic publication for benchmarks.", postsPerPage: 20 }, null, 2));
  write("_data/categories.json", JSON.stringify(Object.fromEntries(categories.map((id) => [id, { name: `Section ${id.split("-")[1]}`, description: paragraph(20) }])), null, 2));
  write(
    "_data/authors.json",
    JSON.stringify(
      Object.fromEntries(authors.map((id, index) => [id, { name: `Writer ${word()} ${index + 1}`, role: "Reporter", bio: `${paragraph(30)}\n\n${paragraph(40)}`, avatar: `/img/bench/avatar-${index % 5}.svg`, links: { website: `https://${id}.example.com` } }])),
      null,
      2,
    ),
  );
  for (let index = 0; index < 5; index++) {
    write(`img/bench/avatar-${index}.svg`, `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200"><rect width="200" height="200" fill="${colours[index]}"/><circle cx="100" cy="80" r="40" fill="#fff"/><rect x="40" y="130" width="120" height="70" rx="30" fill="#fff"/></svg>`);
  }
  for (let index = 0; index < CORPUS_SHAPE.imagePool; index++) {
    const shapes = Array.from({ length: 6 }, () => `<circle cx="${Math.floor(next() * 1600)}" cy="${Math.floor(next() * 900)}" r="${60 + Math.floor(next() * 200)}" fill="${pick(colours)}" opacity="0.8"/>`).join("");
    write(`img/bench/lead-${index}.svg`, `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900"><rect width="1600" height="900" fill="${colours[index]}"/>${shapes}</svg>`);
  }

  const until = DateTime.fromISO(options.until ?? "2026-06-30T18:00:00", { zone: "America/Chicago" });
  const spanMinutes = (options.years ?? 5) * 365 * 24 * 60;
  for (let index = 0; index < options.articles; index++) {
    const date = until.minus({ minutes: Math.floor((spanMinutes * index) / Math.max(1, options.articles)) + Math.floor(next() * 30) });
    const slug = `story-${index + 1}-${pick(vocabulary)}`;
    const articleTags = [...new Set(Array.from({ length: Math.floor(next() * (CORPUS_SHAPE.maxTags + 1)) }, () => pick(tags)))];
    const articleAuthors = next() < 0.1 ? [...new Set([pick(authors), pick(authors)])] : [pick(authors)];
    const primary = pick(categories);
    const extra = next() < 0.2 ? pick(categories) : undefined;
    const pages = next() < CORPUS_SHAPE.multiPageShare ? 2 + Math.floor(next() * 2) : 1;
    const frontMatter = [
      "---",
      `title: ${JSON.stringify(title())}`,
      `date: ${date.toISO({ suppressMilliseconds: true })}`,
      `author: [${articleAuthors.join(", ")}]`,
      `category: ${primary}`,
      ...(extra && extra !== primary ? [`categories: [${extra}]`] : []),
      ...(articleTags.length ? [`tags: [${articleTags.map((tag) => JSON.stringify(tag)).join(", ")}]`] : []),
      ...(next() < 0.8 ? [`description: ${JSON.stringify(paragraph(25))}`] : []),
      ...(next() < CORPUS_SHAPE.imageShare
        ? [`image:`, `  src: /img/bench/lead-${Math.floor(next() * CORPUS_SHAPE.imagePool)}.svg`, `  alt: ${JSON.stringify(paragraph(8))}`, `  caption: ${JSON.stringify(paragraph(18))}`, `  credit: Photo by ${word()}/Bench Wire`]
        : []),
      "---",
    ];
    const body: string[] = [];
    let words = 0;
    let paragraphs = 0;
    const perPage = CORPUS_SHAPE.words / pages;
    let pageWords = 0;
    while (words < CORPUS_SHAPE.words) {
      if (pageWords >= perPage && body.length) {
        body.push("<!--nextpage-->");
        pageWords = 0;
      }
      const text = paragraph(40 + Math.floor(next() * 50));
      const count = text.split(" ").length;
      if (paragraphs === 1) body.push("<!--more-->");
      if (paragraphs > 0 && paragraphs % 4 === 0) body.push(`## ${title()}`);
      if (paragraphs % 7 === 3) body.push(`Per the ${word()} ${word()}:`, `> ${text}`);
      else if (paragraphs % 9 === 5) body.push(`- ${sentence()}\n- ${sentence()}\n- ${sentence()}`);
      else body.push(paragraphs % 5 === 2 ? `${text} [More](https://news.example.com/${slug}).` : text);
      words += count;
      pageWords += count;
      paragraphs++;
    }
    write(`posts/${date.toFormat("yyyy")}/${slug}.md`, `${frontMatter.join("\n")}\n${body.join("\n\n")}\n`);
  }
  return { files };
}
