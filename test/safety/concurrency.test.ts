// One build at a time per output folder: two builds started together (`npm run build &
// npm run build`, a CI retry, a preview and a deploy) end in a complete site or a clear
// refusal, never in a site missing pages; a lock left by a killed build is taken over.
import { beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { makePublication, runBuild, tempDir } from "../helpers/build.ts";
import { post } from "../validation/check.ts";
import { besideOutput, startBuild, treeHash } from "./helpers.ts";

const PAIRS = 20;
/** The builds here skip the re-run with a larger heap (tested in interrupt.test.ts): it only adds start-up time. */
const env = { NEWSROOM_HEAP_SET: "1" };
const refusal = (output: string) =>
  new RegExp(`^Another build \\d+ \\(started [^)]+\\) is writing ${output.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} — this build stopped and changed nothing\\. Run it again when that one has finished, or with --wait to wait for it\\.\\n$`);

describe("two builds of one output folder", () => {
  const content = makePublication({ "a.md": post() });
  let complete: Record<string, string>;
  let buildMs: number;

  beforeAll(() => {
    const reference = path.join(tempDir("out"), "_site");
    const started = Date.now();
    expect(runBuild(content, reference, [], env).status).toBe(0);
    buildMs = Date.now() - started;
    complete = treeHash(reference);
  });

  // About 20 × one build of a one-article site: 2–4 minutes on a busy 2-core machine.
  it(`end in a complete site or a clear refusal, in ${PAIRS} pairs started 0 ms to one build's time apart`, async () => {
    const output = path.join(tempDir("out"), "_site");
    const outcomes: string[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      // From both at once to the second starting as the first finishes (and a little after).
      const delay = Math.round((pair / (PAIRS - 1)) * buildMs * 1.1);
      const first = startBuild(content, output, [], { env });
      await sleep(delay);
      const second = startBuild(content, output, [], { env });
      const results = await Promise.all([first.done, second.done]);
      for (const result of results) {
        if (result.code === 0) {
          expect(result.stdout).toContain("Built 1 article into");
          expect(result.stderr).toBe("");
        } else {
          expect(result.code, result.stderr).toBe(1);
          expect(result.stdout).toBe("");
          expect(result.stderr).toMatch(refusal(output));
        }
      }
      expect(results.some((result) => result.code === 0)).toBe(true);
      expect(treeHash(output), `pair ${pair} (${delay} ms apart)`).toEqual(complete);
      expect(besideOutput(output)).toEqual([]);
      outcomes.push(results.map((result) => (result.code === 0 ? "built" : "refused")).join("+"));
    }
    // The pairs covered both outcomes: a refusal while the first ran, two builds one after the other.
    expect(outcomes).toContain("built+refused");
    expect(outcomes).toContain("built+built");
  }, 900_000);

  it("waits for the other build with --wait, then builds", async () => {
    const output = path.join(tempDir("out"), "_site");
    // A build that holds the lock as long as the test wants: a live process named in it.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"]);
    const started = new Date().toISOString();
    writeFileSync(`${output}.lock`, JSON.stringify({ pid: holder.pid, started, host: hostname() }));
    const waiting = startBuild(content, output, ["--wait"], { env });
    await sleep(8_000);
    expect(waiting.child.exitCode).toBe(null);
    expect(existsSync(output)).toBe(false);
    // The other build finishes: its lock goes, its process ends.
    rmSync(`${output}.lock`);
    holder.kill();
    const result = await waiting.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Waiting for build ${holder.pid} (started ${started}) to finish writing ${output}…\n`);
    expect(treeHash(output)).toEqual(complete);
    expect(besideOutput(output)).toEqual([]);
  }, 120_000);

  it("takes over the lock of a build that was killed, removing what it left", () => {
    const output = path.join(tempDir("out"), "_site");
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    const started = "2026-11-29T16:59:00.000Z";
    writeFileSync(`${output}.lock`, JSON.stringify({ pid: gone, started, host: hostname() }));
    for (const leftover of [`${output}.staging-${gone}`, `${output}.tmp-${gone}/newsroom-search-x`]) {
      mkdirSync(leftover, { recursive: true });
      writeFileSync(path.join(leftover, "index.html"), "half a page");
    }
    const build = runBuild(content, output, [], env);
    expect(build.status).toBe(0);
    expect(build.stderr).toBe(`Took over the lock of build ${gone} (started ${started}), which is no longer running.\n`);
    expect(treeHash(output)).toEqual(complete);
    expect(besideOutput(output)).toEqual([]);
  }, 120_000);

  it("refuses while another machine's build holds the lock (it cannot tell whether that one runs)", () => {
    const output = path.join(tempDir("out"), "_site");
    writeFileSync(`${output}.lock`, JSON.stringify({ pid: 4242, started: "2026-11-29T16:59:00.000Z", host: "deploy-runner-7" }));
    const build = runBuild(content, output, [], env);
    expect(build.status).toBe(1);
    expect(build.stderr).toBe(
      `Another build 4242 on deploy-runner-7 (started 2026-11-29T16:59:00.000Z) is writing ${output} — this build stopped and changed nothing. Run it again when that one has finished, or with --wait to wait for it.\n`,
    );
    expect(existsSync(output)).toBe(false);
  });
});
