// Where a build spends its time, for the benchmark: wall and CPU time of each phase (CPU of
// the build's own process), and the peak memory and CPU time of every process, Pagefind's
// indexer included, which works alongside several phases.
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

/** CPU time of this process, in ms. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** The phases of one build, in the order they ran. */
export class PhaseRecorder {
  private readonly records: PhaseRecord[] = [];
  private readonly open: OpenPhase[] = [];

  /**
   * Runs `work` as a named phase. Nested phases are recorded on their own and their time is
   * taken out of the enclosing phase, so the records add up to the whole build.
   */
  async phase<T>(name: string, work: () => Promise<T>): Promise<T> {
    const entry: OpenPhase = { name, wallMs: 0, cpuMs: 0, started: performance.now(), cpuAtStart: cpuMs() };
    this.open.push(entry);
    try {
      return await work();
    } finally {
      this.open.pop();
      const wall = performance.now() - entry.started;
      const cpu = cpuMs() - entry.cpuAtStart;
      this.records.push({ name, wallMs: wall - entry.wallMs, cpuMs: cpu - entry.cpuMs });
      const parent = this.open.at(-1);
      if (parent) {
        parent.wallMs += wall;
        parent.cpuMs += cpu;
      }
    }
  }

  /** The recorded phases, one per name (a phase run several times is summed), in first-run order. */
  summary(): PhaseRecord[] {
    const byName = new Map<string, PhaseRecord>();
    for (const { name, wallMs, cpuMs } of this.records) {
      const total = byName.get(name) ?? { name, wallMs: 0, cpuMs: 0 };
      byName.set(name, { name, wallMs: total.wallMs + wallMs, cpuMs: total.cpuMs + cpuMs });
    }
    return [...byName.values()];
  }
}

export interface ProcessUsage {
  /** Peak resident memory (MiB) by process name: this process is "node". */
  peakMemoryMiB: Record<string, number>;
  /** CPU time (ms) of each child process by name, as last sampled. */
  childCpuMs: Record<string, number>;
}

/** Samples the peak memory and CPU time of this process's children (Linux /proc). */
export class ProcessSampler {
  private readonly peaks = new Map<string, number>();
  private readonly cpu = new Map<string, { name: string; ms: number }>();
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
          // utime and stime, fields 14 and 15 of proc(5), in clock ticks of 10 ms.
          const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
          this.cpu.set(pid, { name, ms: (Number(fields[11]) + Number(fields[12])) * 10 });
        } catch {
          // The child exited between listing and reading.
        }
      }
    }
  }

  stop(): ProcessUsage {
    this.sample();
    clearInterval(this.timer);
    const childCpuMs: Record<string, number> = {};
    for (const { name, ms } of this.cpu.values()) childCpuMs[name] = (childCpuMs[name] ?? 0) + ms;
    return { peakMemoryMiB: { node: process.resourceUsage().maxRSS / 1024, ...Object.fromEntries(this.peaks) }, childCpuMs };
  }
}
