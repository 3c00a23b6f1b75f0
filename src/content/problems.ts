// A problem in the editors' content: where it is, which field, what is wrong and how to fix it.
export interface Problem {
  severity: "error" | "warning";
  /** Path relative to the publication folder, e.g. posts/2025/budget.md */
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.filter((problem) => problem.severity === "error").length} content error(s)`);
  }
}

/** `path:line: field: what is wrong — how to fix`, one line per problem. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}
