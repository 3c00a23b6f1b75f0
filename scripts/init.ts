// `newsroom init DIR`: writes a starter publication into a new folder — site settings, one
// author, one category, one article with its image, an About page, a package.json that depends
// on the kit, a .gitignore — that builds at once.
//
//   tsx scripts/init.ts DIR [--title "Name"] [--timezone ZONE]
//
// --title     the publication's name; default: from the folder's name
// --timezone  an IANA time zone for site.json; default: this computer's
//
// NEWSROOM_NOW (ISO 8601) pins the first article's date, as it pins the build's clock.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { IANAZone } from "luxon";
import { initPublication, InitError } from "../src/init/index.ts";
import { buildClock } from "../src/publication/options.ts";

const USAGE = 'usage: newsroom init DIR [--title "Name"] [--timezone Area/City]';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { title: { type: "string" }, timezone: { type: "string" } } });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}
const { values, positionals } = parsed;
if (positionals.length !== 1) {
  console.error(USAGE);
  process.exit(1);
}
const timezone = values.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
if (!IANAZone.isValidZone(timezone)) {
  console.error(`--timezone ${timezone} is not an IANA time zone — e.g. America/New_York`);
  process.exit(1);
}
const kitPackage = JSON.parse(readFileSync(path.join(import.meta.dirname, "../package.json"), "utf8")) as { name: string; version: string };
const folder = positionals[0]!;
try {
  const files = await initPublication({ folder, title: values.title, timezone, now: buildClock(process.env.NEWSROOM_NOW), kit: kitPackage });
  console.log(`Wrote a starter publication into ${folder}/:\n${files.map((file) => `  ${file}`).join("\n")}`);
  console.log(`\nNext: cd ${folder}, npm install, then npm start to see it at http://localhost:8080 — or npm run build to write _site/.`);
} catch (error) {
  if (!(error instanceof InitError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
