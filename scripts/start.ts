// `npm start`: a live preview. Builds the site as `npm run build` does (drafts and scheduled
// stories included), serves it on localhost with live reload, and builds again whenever the
// publication or the kit changes. Each build runs in a process of its own, so a change to
// the kit's TypeScript is picked up too. A site whose `url` has a path is previewed under it.
//
//   tsx scripts/start.ts [--content DIR] [--output DIR] [--port N]
import { spawn } from "node:child_process";
import { readFileSync, watch } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { basePathOf } from "../src/urls/index.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "." },
    output: { type: "string", default: "_site" },
    port: { type: "string", default: "8080" },
  },
});
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const content = path.resolve(values.content);
const output = path.resolve(values.output);

/** Runs one preview build; resolves to whether it succeeded (its report goes to the terminal). */
function build(): Promise<boolean> {
  // With this process's own Node options: tsx as the kit resolved it, wherever the kit is installed.
  const child = spawn(process.execPath, [...process.execArgv, path.join(projectRoot, "scripts/build.ts"), "--content", content, "--output", output, "--drafts", "--wait"], { stdio: "inherit" });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code === 0)));
}

/**
 * The path the site is served under, from the publication's site.json `url`: the preview is
 * served under it too (http://localhost:8080/news/ for https://example.org/news), as the pages'
 * links expect. "/" while site.json cannot be read: the build says why.
 */
function basePath(): string {
  try {
    return basePathOf((JSON.parse(readFileSync(path.join(content, "_data", "site.json"), "utf8")) as { url: string }).url);
  } catch {
    return "/";
  }
}

await build();
const servedUnder = basePath();
const server = EleventyDevServer.getServer("newsroom", output, { port: Number(values.port), pathPrefix: servedUnder });
server.serve(Number(values.port));

// One build at a time; changes during a build lead to one more build after it.
let building = false;
let changedAgain = false;
let timer: NodeJS.Timeout | undefined;
async function rebuild(): Promise<void> {
  if (building) {
    changedAgain = true;
    return;
  }
  building = true;
  do {
    changedAgain = false;
    if (await build()) {
      if (basePath() !== servedUnder) console.warn(`site.json's url now puts the site under ${basePath()}: restart npm start to preview it there.`);
      server.reload();
    }
  } while (changedAgain);
  building = false;
}
const watched = [...["posts", "_data", "img", "files", "pages", "_includes"].map((folder) => path.join(content, folder)), ...["src", "_includes"].map((folder) => path.join(projectRoot, folder))];
for (const folder of new Set(watched)) {
  try {
    watch(folder, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void rebuild(), 200);
    });
  } catch {
    // A folder the publication does not have.
  }
}
