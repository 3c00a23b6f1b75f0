// Dates as other generators write them, turned into the kit's form: a bare date, or an
// ISO 8601 date-time with its offset. A time without an offset is read in the site's zone.
import { DateTime, FixedOffsetZone } from "luxon";

const SOURCE_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/i;

/**
 * `2016-07-18`, `2024-03-12T10:00`, `2015-03-17 14:00:00 -4`, `2015-03-17 14:00:00 -0400`,
 * `2024-03-12T10:00:00Z` and the like; undefined for anything else.
 */
export function kitDate(value: string, timezone: string): string | undefined {
  const match = SOURCE_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const date = `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
  if (hour === undefined) {
    return DateTime.fromISO(date).isValid ? date : undefined;
  }
  const zone = offset === undefined ? timezone : offsetZone(offset);
  const parsed = DateTime.fromObject(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second ?? 0),
      millisecond: fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0,
    },
    { zone },
  );
  return parsed.isValid ? formatKitDate(parsed) : undefined;
}

/** A date-time written with its offset, without milliseconds unless it has some. */
export function formatKitDate(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true })!;
}

/** `-4`, `-0400`, `+05:30`, `Z` as a fixed-offset zone. */
function offsetZone(offset: string): FixedOffsetZone {
  if (/^(Z|UTC|GMT)$/i.test(offset)) return FixedOffsetZone.utcInstance;
  const [, sign, hours, minutes] = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset)!;
  return FixedOffsetZone.instance((sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0)));
}

const FILE_NAME_DATE = /^(\d{4}-\d{2}-\d{2})-(.+)$/;

/** Jekyll's `2016-07-18-slug`: the date and the rest of the name. */
export function splitFileNameDate(name: string): { date?: string; rest: string } {
  const match = FILE_NAME_DATE.exec(name);
  if (!match || !DateTime.fromISO(match[1]!).isValid) return { rest: name };
  return { date: match[1], rest: match[2]! };
}
