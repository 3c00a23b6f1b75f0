// Where a build spends its time: wall and CPU time of each phase (CPU including child
// processes such as Pagefind's indexer) and peak memory of every process, for the benchmark.
import { existsSync, readFileSync, readdirSync } from "node:fs";

export interface PhaseRecord {
  name: string;
  wallMs: number;
  cpuMs: number;
}

interface OpenPhase extends PhaseRecord {
  started: number;
  cpuAtStart: number;
}

const records: PhaseRecord[] = [];
const open: OpenPhase[] = [];

/** CPU time of this process and of the children it has waited for (Linux /proc), in ms. */
function cpuMs(): number {
  if (existsSync("/proc/self/stat")) {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    // utime, stime, cutime, cstime: fields 14–17 of proc(5), in clock ticks of 10 ms.
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) * 10;
  }
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Runs `work` as a named phase. Nested phases are recorded on their own and their time is
 * taken out of the enclosing phase, so the records add up to the whole build.
 */
export async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const entry: OpenPhase = { name, wallMs: 0, cpuMs: 0, started: performance.now(), cpuAtStart: cpuMs() };
  open.push(entry);
  try {
    return await work();
  } finally {
    open.pop();
    const wall = performance.now() - entry.started;
    const cpu = cpuMs() - entry.cpuAtStart;
    records.push({ name, wallMs: wall - entry.wallMs, cpuMs: cpu - entry.cpuMs });
    const parent = open.at(-1);
    if (parent) {
      parent.wallMs += wall;
      parent.cpuMs += cpu;
    }
  }
}

export function phaseRecords(): PhaseRecord[] {
  return [...records];
}

/** Peak resident memory (MiB) of this process and, sampled, of each child process by name. */
export class MemorySampler {
  private readonly peaks = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 100) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    if (!existsSync("/proc/self/task")) return;
    for (const task of readdirSync("/proc/self/task")) {
      let children: string[] = [];
      try {
        children = readFileSync(`/proc/self/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
      } catch {
        continue;
      }
      for (const pid of children) {
        try {
          const status = readFileSync(`/proc/${pid}/status`, "utf8");
          const name = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? pid;
          const peak = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) / 1024;
          this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, peak));
        } catch {
          // The child exited between listing and reading.
        }
      }
    }
  }

  stop(): Record<string, number> {
    this.sample();
    clearInterval(this.timer);
    return { node: process.resourceUsage().maxRSS / 1024, ...Object.fromEntries(this.peaks) };
  }
}
