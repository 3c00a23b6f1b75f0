// Dates as other generators write them, turned into the kit's form: a bare date, or an
// ISO 8601 date-time with its offset. A time without an offset is read in the site's zone.
import { DateTime } from "luxon";
import { isDateOnly, readWrittenDate } from "../dates/index.ts";

/**
 * `2016-07-18`, `2024-03-12T10:00`, `2015-03-17 14:00:00 -4`, `2015-03-17 14:00:00 -0400`,
 * `2024-03-12T10:00:00Z` and the like — what the kit's front matter reads, once one-digit
 * months and days are padded and runs of spaces made one; undefined for anything else.
 */
export function kitDate(value: string, timezone: string): string | undefined {
  const written = value
    .trim()
    .replace(/^(\d{4})-(\d{1,2})-(\d{1,2})/, (_, year: string, month: string, day: string) => `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`)
    .replace(/\s+/g, " ");
  const date = readWrittenDate(written, timezone);
  if (!date) return undefined;
  return isDateOnly(written) ? written : formatKitDate(date);
}

/** A date-time written with its offset, without milliseconds unless it has some. */
export function formatKitDate(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true })!;
}

const FILE_NAME_DATE = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

/** Jekyll's `2016-07-18-slug`: the date and the rest of the name. */
export function splitFileNameDate(name: string): { date?: string; rest: string } {
  const match = FILE_NAME_DATE.exec(name);
  if (!match || !DateTime.fromISO(match[1]!).isValid) return { rest: name };
  return { date: match[1], rest: match[2]! };
}
