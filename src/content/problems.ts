// A problem in the editors' content: where it is, which field, what is wrong and how to fix it.
import { toSlug } from "../urls/index.ts";

export interface Problem {
  severity: "error" | "warning";
  /** Path relative to the publication folder, e.g. posts/2025/budget.md */
  file: string;
  line?: number;
  field?: string;
  /** What is wrong — how to fix it. */
  message: string;
}

export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatReport(problems).join("\n"));
  }
}

/** The report editors read: one line per problem, errors first, then the count. */
export function formatReport(problems: readonly Problem[]): string[] {
  return [...sortProblems(problems).map(formatProblem), countLine(problems)];
}

/** `path:line: field: what is wrong — how to fix`, one line per problem. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.severity === "warning" ? "warning: " : ""}${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}

/** Errors first, then warnings; each by file and line. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      Number(a.severity === "warning") - Number(b.severity === "warning") ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** "2 errors, 1 warning" */
export function countLine(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === "error").length;
  return `${plural(errors, "error")}, ${plural(problems.length - errors, "warning")}`;
}

const LISTED_IDS = 12;

/**
 * "unknown author "Maya Okafor" — did you mean `maya-okafor`?": the ids whose name is what was
 * written, whose id is its slug, or that are closest to it by id or by name; else the ids there are.
 */
export function unknownReference(kind: string, value: string, records: Record<string, { name: string }>, dataFile: string): string {
  const ids = Object.keys(records);
  const sameText = (a: string, b: string) => a.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase() === b.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
  const byName = ids.filter((id) => sameText(records[id]!.name, value));
  const slug = toSlug(value);
  const closestByName = closestName(value, ids.map((id) => records[id]!.name));
  const suggestions = [
    ...byName,
    ...(ids.includes(slug) ? [slug] : []),
    closestName(value, ids),
    closestByName === undefined ? undefined : ids.find((id) => records[id]!.name === closestByName),
  ].filter((id, index, all): id is string => id !== undefined && all.indexOf(id) === index);
  if (suggestions.length) return `unknown ${kind} "${value}" — did you mean ${suggestions.map((id) => `\`${id}\``).join(" or ")}?`;
  const listed = ids.slice(0, LISTED_IDS).join(", ");
  return `unknown ${kind} "${value}" — use one of: ${listed}${ids.length > LISTED_IDS ? `, … (${ids.length} in ${dataFile})` : ""}`;
}

/** The known name closest to an unknown one, if it is plausibly a typo of it. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  const isPrefix = name.length >= 3 && known.find((candidate) => candidate.toLowerCase().startsWith(name.toLowerCase()));
  return best.distance <= Math.max(1, Math.floor(name.length / 3)) ? best.candidate : isPrefix || undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
