import * as pagefind from "pagefind";
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
const variant = process.argv[2]; const n = Number(process.argv[3] || 10000);
const src = "/tmp/min10k"; const dir = `/tmp/var-${variant}-${n}`;
rmSync(dir, { recursive: true, force: true });
const files = readdirSync(src, { recursive: true }).filter((f) => f.endsWith(".html")).sort().slice(0, n);
for (const f of files) {
  let c = readFileSync(`${src}/${f}`, "utf8");
  if (variant === "nofilters") c = c.replace(/ data-pagefind-filter="[^"]*"/g, "");
  if (variant === "notags") c = c.replace(/ data-pagefind-filter="tag"/g, "");
  if (variant === "nosort") c = c.replace(/ data-pagefind-sort="[^"]*"/g, "");
  if (variant === "nometa") c = c.replace(/ data-pagefind-meta="[^"]*"/g, "");
  mkdirSync(path.dirname(`${dir}/${f}`), { recursive: true }); writeFileSync(`${dir}/${f}`, c);
}
const peak = { v: 0 }; const timer = setInterval(() => { try { for (const t of readdirSync("/proc/self/task")) for (const pid of readFileSync(`/proc/self/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) { const s = readFileSync(`/proc/${pid}/status`, "utf8"); peak.v = Math.max(peak.v, Number(/VmHWM:\s+(\d+)/.exec(s)[1]) / 1024); } } catch {} }, 200);
let t = performance.now();
const { index } = await pagefind.createIndex({ forceLanguage: "en" });
const r = await index.addDirectory({ path: dir });
const a = ((performance.now() - t) / 1000).toFixed(2); t = performance.now();
await index.writeFiles({ outputPath: `/tmp/pfo-${variant}` });
console.log(variant, n, "add", a, "write", ((performance.now() - t) / 1000).toFixed(2), "peak MiB", Math.round(peak.v));
await pagefind.close(); clearInterval(timer);
