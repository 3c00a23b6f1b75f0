// The starter publication `newsroom init` writes: the smallest publication that builds at
// once — settings, one author, one category, one article with a lead image, an About page —
// each file written as an editor would write it, to be replaced.
import type { DateTime } from "luxon";
import { isoWithOffset } from "../dates/index.ts";

export interface StarterOptions {
  /** The publication's name, e.g. from the folder's name. */
  title: string;
  /** An npm package name for the publication's own package.json. */
  packageName: string;
  /** The IANA zone the site's dates are read and shown in. */
  timezone: string;
  now: DateTime;
  /** The kit as the publication depends on it. */
  kit: { name: string; version: string };
}

/** Path in the new folder → text. */
export function starterFiles({ title, packageName, timezone, now, kit }: StarterOptions): Record<string, string> {
  const date = now.setZone(timezone);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const commands = ["build", "check", "start", "new", "audit", "import"];
  return {
    "package.json": json({
      name: packageName,
      private: true,
      description: `${title}: a news site built with ${kit.name}.`,
      scripts: Object.fromEntries(commands.map((command) => [command, `newsroom ${command}`])),
      dependencies: { [kit.name]: `^${kit.version}` },
    }),
    ".gitignore": ["node_modules/", "_site/", "_site.*", ".cache/", ""].join("\n"),
    "_data/site.json": json({
      title,
      url: "https://news.example.org",
      language: "en",
      timezone,
      description: `Independent news from ${title}.`,
      postsPerPage: 10,
      theme: { accent: "#0f5c4d" },
    }),
    "_data/authors.json": json({
      editor: { name: "The Editor", role: "Editor", bio: `Edits ${title}. Replace this author in _data/authors.json with your own name and a line about you.` },
    }),
    "_data/categories.json": json({
      news: { name: "News", description: "The latest reporting. Add categories in _data/categories.json; the header lists them in that order." },
    }),
    [`posts/${date.toFormat("yyyy")}/welcome.md`]: [
      "---",
      `title: ${title} is open`,
      `date: ${isoWithOffset(date)}`,
      "author: editor",
      "category: news",
      "tags: [getting started]",
      "description: The first story of a new publication, and what to do next.",
      "image:",
      "  src: /img/newsroom.svg",
      "  alt: A folded newspaper in front of a rising sun",
      "---",
      `This is the first article of ${title}. It lives in \`posts/${date.toFormat("yyyy")}/welcome.md\`; every Markdown file under \`posts/\` is an article.`,
      "",
      "<!--more-->",
      "",
      "## What to do next",
      "",
      "1. Set the name, address (`url`) and time zone of the publication in `_data/site.json`.",
      "2. Put your own name in `_data/authors.json` and your sections in `_data/categories.json`.",
      "3. Write a story with `npm run new -- \"Your headline\"`, then `npm start` to see it as you write.",
      "4. `npm run check` says what is wrong, file and line; `npm run build` writes the site into `_site/`.",
      "",
      "When this story has served its purpose, delete the file.",
      "",
    ].join("\n"),
    "pages/about.md": [
      "---",
      `title: About ${title}`,
      `description: Who we are and how to reach us.`,
      "---",
      `${title} is a new publication. Tell readers here who you are, what you cover and how to send a tip or a correction.`,
      "",
      "Every Markdown file under `pages/` becomes a page at its own address and a link in the footer.",
      "",
    ].join("\n"),
    "img/newsroom.svg": NEWSPAPER_SVG,
  };
}

/** A folded newspaper before a rising sun, drawn for the starter's first story. */
const NEWSPAPER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
  <rect width="1600" height="900" fill="#f3e9d8"/>
  <circle cx="1150" cy="560" r="260" fill="#f2a541"/>
  <g stroke="#f2a541" stroke-width="18" stroke-linecap="round">
    <path d="M1150 220v-90M1390 320l64-64M910 320l-64-64M1490 560h90M720 560h-90"/>
  </g>
  <rect y="600" width="1600" height="300" fill="#0f5c4d"/>
  <g transform="rotate(-6 700 520)">
    <rect x="330" y="250" width="760" height="520" rx="10" fill="#fbfaf7" stroke="#2b2b2b" stroke-width="6"/>
    <rect x="380" y="300" width="660" height="70" fill="#2b2b2b"/>
    <rect x="380" y="400" width="300" height="190" fill="#c9d6d3"/>
    <g fill="#8a8a8a">
      <rect x="710" y="400" width="330" height="18"/><rect x="710" y="440" width="330" height="18"/>
      <rect x="710" y="480" width="330" height="18"/><rect x="710" y="520" width="240" height="18"/>
      <rect x="380" y="620" width="660" height="18"/><rect x="380" y="660" width="660" height="18"/>
      <rect x="380" y="700" width="420" height="18"/>
    </g>
    <path d="M710 250v520" stroke="#d5d0c5" stroke-width="4"/>
  </g>
</svg>
`;
