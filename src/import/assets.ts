// The files posts need (lead images, body images, attachments): each source fetched or
// copied once into the publication, at a path no other file of the import takes.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AssetRequest } from "./model.ts";
import { toId } from "./ids.ts";

export interface AssetOptions {
  /** The publication folder. */
  root: string;
  dryRun: boolean;
  /** Replace a different local file already at a target instead of choosing another name. */
  force: boolean;
  /** How long one download may take. */
  timeoutMs: number;
  concurrency?: number;
}

export type AssetState = "fetched" | "copied" | "present" | "planned" | "failed";

export interface AssetOutcome {
  source: string;
  target: string;
  state: AssetState;
  /** Why it failed, in a few words. */
  reason?: string;
}

const isRemote = (source: string): boolean => /^https?:\/\//i.test(source);

export class AssetStore {
  private readonly requested = new Map<string, string>();
  private readonly outcomes = new Map<string, AssetOutcome>();

  request({ source, target }: AssetRequest): void {
    if (!this.requested.has(source)) this.requested.set(source, target);
  }

  /** Fetches and copies every requested file not yet there; failures are recorded, never thrown. */
  async materialize(options: AssetOptions): Promise<AssetOutcome[]> {
    const claimed = new Set<string>();
    const plans: AssetOutcome[] = [];
    for (const [source, wanted] of this.requested) {
      const target = await this.chooseTarget(source, wanted, claimed, options);
      claimed.add(target);
      plans.push({ source, target, state: "planned" });
    }
    await forEachLimited(plans, options.concurrency ?? 6, async (plan) => {
      const outcome = await this.materializeOne(plan, options);
      this.outcomes.set(plan.source, outcome);
    });
    return plans.map((plan) => this.outcomes.get(plan.source)!);
  }

  /** The site path a post should use for a source, when the file is (or will be) in place. */
  sitePath(source: string): string | undefined {
    const outcome = this.outcomes.get(source);
    return outcome && outcome.state !== "failed" ? `/${outcome.target}` : undefined;
  }

  outcome(source: string): AssetOutcome | undefined {
    return this.outcomes.get(source);
  }

  /**
   * The wanted path unless another source of this import took it; a local file also moves
   * aside for a different file already in the publication (a remote one cannot be compared
   * without fetching it, so a file at its path is taken to be the one a previous run fetched).
   */
  private async chooseTarget(source: string, wanted: string, claimed: Set<string>, options: AssetOptions): Promise<string> {
    const { dir, name, ext } = path.posix.parse(wanted);
    const candidates = (suffix: string) => path.posix.join(dir, `${name}${suffix}${ext}`);
    const sourceBytes = isRemote(source) || options.force ? undefined : await readFile(source).catch(() => undefined);
    const isTaken = async (candidate: string): Promise<boolean> => {
      if (claimed.has(candidate)) return true;
      if (!sourceBytes) return false;
      const existing = path.join(options.root, candidate);
      return existsSync(existing) && !sourceBytes.equals(await readFile(existing));
    };
    let suffix = "";
    for (let n = 2; await isTaken(candidates(suffix)); n++) suffix = `-${n}`;
    return candidates(suffix);
  }

  private async materializeOne(plan: AssetOutcome, options: AssetOptions): Promise<AssetOutcome> {
    const destination = path.join(options.root, plan.target);
    if (!isRemote(plan.source)) {
      if (!existsSync(plan.source)) return { ...plan, state: "failed", reason: "file not found" };
      if (existsSync(destination) && (await readFile(destination)).equals(await readFile(plan.source))) return { ...plan, state: "present" };
      if (options.dryRun) return plan;
      await mkdir(path.dirname(destination), { recursive: true });
      await copyFile(plan.source, destination);
      return { ...plan, state: "copied" };
    }
    if (existsSync(destination)) return { ...plan, state: "present" };
    if (options.dryRun) return plan;
    const fetched = await download(plan.source, options.timeoutMs);
    if ("reason" in fetched) return { ...plan, state: "failed", reason: fetched.reason };
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, fetched.bytes);
    return { ...plan, state: "fetched" };
  }
}

async function download(url: string, timeoutMs: number): Promise<{ bytes: Buffer } | { reason: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
    if (!response.ok) return { reason: `HTTP ${response.status}` };
    // A missing upload is often answered with the site's HTML "not found" page and status 200.
    if ((response.headers.get("content-type") ?? "").startsWith("text/html")) return { reason: "the server sent a web page, not the file" };
    return { bytes: Buffer.from(await response.arrayBuffer()) };
  } catch (error) {
    return { reason: describeFetchError(error, timeoutMs) };
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${timeoutMs / 1000} s`;
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * A path safe in a URL, from the segments of an old one: `2019/05/Photo%20Été.JPG` →
 * `2019/05/photo-ete.jpg`. Folders made of safe characters keep their names.
 */
export function safeRelativePath(oldPath: string): string {
  const segments = oldPath.split("/").filter((segment) => segment && segment !== "." && segment !== "..").map(decodeSegment);
  const fileName = segments.pop() ?? "file";
  const { name: stem, ext } = path.posix.parse(fileName);
  const safeName = `${toId(stem) || "file"}${ext.toLowerCase().replace(/[^.a-z0-9]/g, "")}`;
  return [...segments.map((segment) => (/^[\w-]+$/.test(segment) ? segment : toId(segment) || "folder")), safeName].join("/");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
