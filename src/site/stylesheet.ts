// Stylesheets as readers download them: comments and layout whitespace removed.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/;}/g, "}")
    .trim();
}

/** Writes `source` minified to `url` in the output folder, followed by `appended` (compact CSS, written as it is). */
export async function writeStylesheet(source: string, outputDir: string, url: string, appended = ""): Promise<void> {
  const target = path.join(outputDir, url);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, minifyCss(await readFile(source, "utf8")) + appended);
}
