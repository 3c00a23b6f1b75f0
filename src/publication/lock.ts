// One build at a time per output folder: a lock file beside the output (`_site.lock`) names
// the build holding it — process id, start time, host. A lock whose process is gone (a build
// killed with SIGKILL, a machine that lost power) is taken over with a notice. The lock is
// created whole in one step (written under a name of its own, then hard-linked into place),
// so no build ever reads a half-written lock.
import { linkSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

export interface LockHolder {
  pid: number;
  /** ISO 8601. */
  started: string;
  host: string;
}

/** Whether a process of this machine is running (a process of another user counts). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A takeover guard older than this was left by a process killed in the middle of one. */
const STALE_GUARD_MS = 10_000;
const WAIT_POLL_MS = 250;

export interface AcquireOptions {
  /** Wait for the holder to finish instead of giving up at once. */
  wait: boolean;
  /** Says that a stale lock was taken over, or that the build waits. */
  notice: (message: string) => void;
}

export class OutputLock {
  private released = false;

  private constructor(
    readonly file: string,
    private readonly holder: LockHolder,
  ) {}

  /** The lock of `output`, or the build holding it when another one does (and `wait` is false). */
  static async acquire(output: string, options: AcquireOptions): Promise<OutputLock | { heldBy: LockHolder }> {
    const file = `${output}.lock`;
    const me: LockHolder = { pid: process.pid, started: new Date().toISOString(), host: hostname() };
    let waiting = false;
    for (;;) {
      if (create(file, me)) return new OutputLock(file, me);
      const holder = readHolder(file);
      if (holder === undefined) continue; // Released between our attempt and the read.
      if (isAlive(holder)) {
        if (!options.wait) return { heldBy: holder };
        if (!waiting) options.notice(`Waiting for ${describeHolder(holder)} to finish writing ${output}…`);
        waiting = true;
        await sleep(WAIT_POLL_MS);
        continue;
      }
      if (takeOver(file, holder)) options.notice(`Took over the lock of ${describeHolder(holder)}, which is no longer running.`);
      // Else another build is taking it over: the next attempt sees which one won.
      else await sleep(10);
    }
  }

  /** Removes the lock if it is still this build's. Synchronous: also called from signal handlers. */
  release(): void {
    if (this.released) return;
    this.released = true;
    const holder = readHolder(this.file);
    if (holder?.pid === this.holder.pid && holder.started === this.holder.started) rmSync(this.file, { force: true });
  }
}

/** "build 1234 (started 2026-11-29T17:00:01.000Z)", with the host when it is another machine's. */
export function describeHolder(holder: LockHolder): string {
  return `build ${holder.pid}${holder.host === hostname() ? "" : ` on ${holder.host}`} (started ${holder.started})`;
}

/** A lock of another machine cannot be checked: it counts as held. */
function isAlive(holder: LockHolder): boolean {
  return holder.host !== hostname() || (holder.pid > 0 && holder.pid !== process.pid && isRunning(holder.pid));
}

/** Creates the lock with its content in one step; false when it exists. */
function create(file: string, holder: LockHolder): boolean {
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, JSON.stringify(holder));
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** The holder named in a lock file; a file that does not parse names a holder long gone. */
function readHolder(file: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    if (Number.isInteger(holder.pid) && typeof holder.started === "string" && typeof holder.host === "string") return holder;
  } catch {
    // Not written by this kit's lock: treated as stale below.
  }
  return { pid: 0, started: "unknown", host: hostname() };
}

/**
 * Removes a stale lock. Two builds may find the same stale lock at once: a guard file lets
 * one of them remove it, after reading it again, so that a lock another build has just
 * created is never removed.
 */
function takeOver(file: string, stale: LockHolder): boolean {
  const guard = `${file}.takeover`;
  if (!create(guard, { pid: process.pid, started: new Date().toISOString(), host: hostname() })) {
    try {
      if (Date.now() - statSync(guard).mtimeMs > STALE_GUARD_MS) unlinkSync(guard);
    } catch {
      // Gone already.
    }
    return false;
  }
  try {
    const current = readHolder(file);
    if (current?.pid !== stale.pid || current.started !== stale.started) return false;
    rmSync(file, { force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}
