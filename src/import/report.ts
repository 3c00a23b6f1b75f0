// What an import did, for the person who ran it: every line that needs a look (file:line
// where there is one), then one summary line.
import type { ImportReport } from "./index.ts";

const number = (count: number): string => count.toLocaleString("en-US");
const counted = (count: number, word: string, plural = `${word}s`): string => `${number(count)} ${count === 1 ? word : plural}`;

export function formatImportReport(report: ImportReport): string[] {
  const lines: string[] = [];
  for (const notice of report.notices) lines.push(`${notice.where}: ${notice.message}`);
  for (const { count, one, many } of report.skipped.values()) {
    lines.push(`skipped ${counted(count, one, many)}${one === "page" ? " — static pages go under pages/ (see the README)" : ""}`);
  }
  for (const { file, state } of report.posts) {
    if (state === "kept") lines.push(`${file}: exists and differs from the import — kept (--force replaces it)`);
  }
  for (const [file, merge] of [
    ["_data/authors.json", report.authors],
    ["_data/categories.json", report.categories],
  ] as const) {
    for (const id of merge.kept) lines.push(`${file}: "${id}" exists and differs from the import — kept (--force replaces it)`);
  }
  if (report.fallbackCategory) lines.push(`posts without a category are filed under "${report.fallbackCategory}" — give them a category (or run again with --category ID)`);
  if (report.fallbackAuthor) lines.push(`posts without an author are credited to "${report.fallbackAuthor}" — check _data/authors.json (or run again with --author ID)`);
  const failed = report.assets.filter((asset) => asset.state === "failed");
  for (const asset of failed) {
    const users = report.assetUsers.get(asset.source) ?? [];
    if (users.length) lines.push(`${users.join(", ")}: ${asset.source} could not be fetched (${asset.reason}) — the body keeps the old address`);
  }
  for (const leftover of report.leftovers) {
    lines.push(`${leftover.file}:${leftover.line}: ${leftover.kind} ${leftover.text} left in the text — replace it with HTML or Markdown, or remove it`);
  }
  lines.push(summary(report, failed.length));
  return lines;
}

function summary(report: ImportReport, failures: number): string {
  const written = report.posts.filter((post) => post.state === "written").length;
  const unchanged = report.posts.filter((post) => post.state === "unchanged").length;
  const kept = report.posts.filter((post) => post.state === "kept").length;
  const brought = report.assets.filter((asset) => asset.state === "fetched" || asset.state === "copied" || asset.state === "planned");
  const images = brought.filter((asset) => asset.target.startsWith("img/")).length;
  const files = brought.length - images;
  const imported = [
    counted(written, "post"),
    counted(report.authors.added.length + report.authors.replaced.length, "author"),
    counted(report.categories.added.length + report.categories.replaced.length, "category", "categories"),
    counted(images, "image"),
    ...(files ? [counted(files, "file")] : []),
  ].join(", ");
  const parts = [`${report.dryRun ? "dry run, nothing written: would import" : "imported"} ${imported}`];
  if (unchanged) parts.push(`${number(unchanged)} unchanged`);
  if (kept) parts.push(`${counted(kept, "existing post")} kept`);
  const shortcodes = report.leftovers.filter((leftover) => leftover.kind === "shortcode").length;
  const templates = report.leftovers.length - shortcodes;
  if (shortcodes) parts.push(`${counted(shortcodes, "shortcode")} left, see above`);
  if (templates) parts.push(`${counted(templates, "template tag")} (Liquid, Hugo) left, see above`);
  const failedImages = report.assets.filter((asset) => asset.state === "failed" && asset.target.startsWith("img/")).length;
  if (failedImages) parts.push(`${counted(failedImages, "image")} could not be fetched`);
  if (failures > failedImages) parts.push(`${counted(failures - failedImages, "file")} could not be fetched`);
  if (report.decorative.length) parts.push(`${counted(report.decorative.length, "lead image")} without alt text (alt: "")`);
  return parts.join("; ");
}
