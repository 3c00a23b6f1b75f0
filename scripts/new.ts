// `npm run new -- "Headline"` (`newsroom new`): writes a draft article at
// posts/<yyyy>/<slug>.md with its front matter filled in and prints its path. An existing
// file is never replaced: exit code 1 and nothing written.
//
//   tsx scripts/new.ts "Headline" [--author ID] [--category ID] [--content DIR]
//
// --author    an author id of _data/authors.json; default: the first one
// --category  a category id of _data/categories.json; default: the first one
// --content   the publication folder; default: the current folder
//
// NEWSROOM_NOW (ISO 8601) pins the clock, as for the build.
import path from "node:path";
import { parseArgs } from "node:util";
import { NewArticleError, writeNewArticle } from "../src/content/new-article.ts";
import { buildClock } from "../src/publication/options.ts";

const USAGE = 'usage: newsroom new "Headline" [--author ID] [--category ID] [--content DIR]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { author: { type: "string" }, category: { type: "string" }, content: { type: "string", default: "." } },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}
const { values, positionals } = parsed;
// Words given without quotes are one headline.
const headline = positionals.join(" ");
if (!headline.trim()) {
  console.error(USAGE);
  process.exit(1);
}
const root = path.resolve(values.content);
try {
  const file = await writeNewArticle({ root, headline, author: values.author, category: values.category, now: buildClock(process.env.NEWSROOM_NOW) });
  console.log(path.relative(process.cwd(), path.join(root, file)));
} catch (error) {
  if (!(error instanceof NewArticleError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
