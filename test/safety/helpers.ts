// What the safety tests share: the state of an output folder (its files' hashes and what lies
// beside it), builds run asynchronously so they can overlap or be interrupted, and the
// processes a build left running.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync, crc32 } from "node:zlib";
import { makePublication, projectRoot, runBuild, tempDir, TEST_NOW } from "../helpers/build.ts";
import { post } from "../validation/check.ts";
import { allFiles } from "../helpers/site.ts";

/** Every file of a folder with the hash of its bytes. */
export function treeHash(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    allFiles(dir)
      .filter((file) => statSync(path.join(dir, file)).isFile())
      .map((file) => [file, createHash("sha256").update(readFileSync(path.join(dir, file))).digest("hex")]),
  );
}

/**
 * What a build leaves beside its output folder: staging and temporary folders, its lock.
 * An old site being deleted in the background after a swap (`.previous-<pid>`) is not listed.
 */
export function besideOutput(output: string): string[] {
  const name = path.basename(output);
  return readdirSync(path.dirname(output)).filter((entry) => entry.startsWith(`${name}.`) && !entry.startsWith(`${name}.previous-`));
}

export interface RunningBuild {
  child: ChildProcess;
  /** Resolves when the build has exited. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Starts `scripts/build.ts` (or `npm run build`) in a process group of its own, so that the
 * processes it starts can be found and a signal reaches only it.
 */
export function startBuild(content: string, output: string, args: string[] = [], options: { viaNpm?: boolean; env?: Record<string, string> } = {}): RunningBuild {
  const buildArgs = ["--content", content, "--output", output, ...args];
  const [command, commandArgs] = options.viaNpm ? ["npm", ["run", "--silent", "build", "--", ...buildArgs]] : [process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/build.ts"), ...buildArgs]];
  const child = spawn(command, commandArgs, {
    cwd: projectRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEWSROOM_NOW: TEST_NOW, ...options.env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Running (not zombie) processes of a process group, as `pid name`. */
export function processesOfGroup(group: number): string[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const [state, , processGroup] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return Number(processGroup) === group && state !== "Z" ? [`${pid} ${name}`] : [];
      } catch {
        return [];
      }
    });
}

/** Whether a process runs (a zombie, ended but not yet reaped by its new parent, does not). */
export function isRunningProcess(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0] !== "Z";
  } catch {
    return false;
  }
}

export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
};

/**
 * A PNG whose header says it is `width` × `height` pixels of grey, with the pixel rows of its
 * first 16 lines only: a decompression bomb as small as such files are (the decoder reads the
 * size from the header before anything else).
 */
export function pngClaiming(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const row = Buffer.alloc(width + 1, 0x80);
  row[0] = 0; // no filter
  const rows = deflateSync(Buffer.concat(Array.from({ length: Math.min(height, 16) }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", rows), chunk("IEND", Buffer.alloc(0))]);
}

/**
 * A publication of six articles, built once with one article per Eleventy run (Pagefind
 * indexes while the next ones render), then given a seventh so the next build has work to do.
 */
export function publicationToInterrupt(): { content: string; output: string; slices: string[]; before: () => Record<string, string> } {
  const stories = Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`story-${index + 1}.md`, post({ title: `title: Story number ${index + 1}` })]));
  const slices = ["--slice-size", "1"];
  const content = makePublication(stories);
  const output = path.join(tempDir("out"), "_site");
  let hashes: Record<string, string> | undefined;
  return {
    content,
    output,
    slices,
    before: () => {
      if (!hashes) {
        const first = runBuild(content, output, slices);
        if (first.status !== 0) throw new Error(first.stderr);
        hashes = treeHash(output);
        writeFileSync(path.join(content, "posts/story-7.md"), post({ title: "title: Story number 7" }));
      }
      return hashes;
    },
  };
}
