// Every date shown or used for a URL is read and formatted in the publication's time zone.
import { DateTime, FixedOffsetZone } from "luxon";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * The date-times editors and other generators write: `T` or a space between date and time,
 * seconds optional, and an optional offset — `Z`, `UTC`, `-05:00`, `-0500`, `-05` or Jekyll's
 * `-5`, with or without a space before it (`2015-03-17 14:00:00 -4`).
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?: ?(Z|z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?))?$/;
const OFFSET = /^([+-])(\d{1,2})(?::?(\d{2}))?$/;

/** A bare date carries no time of day: show it without one. */
export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value);
}

/** A date or date-time an editor may write (see DATE_TIME); the zone does not change the answer. */
export function isContentDate(value: string): boolean {
  return readDate(value, "UTC") !== undefined;
}

/**
 * A front-matter date: a bare date means midnight in the site's zone, and so does a
 * date-time without offset mean that time of day in the site's zone.
 */
export function parseContentDate(value: string, zone: string): DateTime {
  const parsed = readDate(value, zone);
  if (!parsed) throw new Error(`invalid content date ${value}`);
  return parsed;
}

function readDate(value: string, zone: string): DateTime | undefined {
  return readWrittenDate(value, zone)?.setZone(zone);
}

/**
 * A date or date-time as written (see DATE_TIME), in the zone its offset names — or in
 * `zone` when it has none; undefined when it is not one.
 */
export function readWrittenDate(value: string, zone: string): DateTime | undefined {
  if (DATE_ONLY.test(value)) {
    const date = DateTime.fromISO(value, { zone });
    return date.isValid ? date : undefined;
  }
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const writtenZone = offset === undefined ? zone : offsetZone(offset);
  if (!writtenZone) return undefined;
  const date = DateTime.fromObject(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second ?? 0),
      millisecond: Math.floor(Number(`0.${fraction ?? 0}`) * 1000),
    },
    { zone: writtenZone },
  );
  return date.isValid ? date : undefined;
}

/** `Z`, `UTC`, `-4`, `-04`, `-0400`, `+05:30` as a fixed zone; undefined past ±14 hours. */
function offsetZone(offset: string): FixedOffsetZone | undefined {
  if (/^(Z|UTC|GMT)$/i.test(offset)) return FixedOffsetZone.utcInstance;
  const [, sign, hours, minutes] = OFFSET.exec(offset)!;
  if (Number(hours) > 14 || Number(minutes ?? 0) > 59) return undefined;
  const total = Number(hours) * 60 + Number(minutes ?? 0);
  return FixedOffsetZone.instance(sign === "-" ? -total : total);
}

/**
 * The same moment with an offset of whole minutes. Before a zone adopted standard time its
 * offset was local mean time, in seconds (New York before 1883: -4:56:02), which neither
 * RFC 3339 nor RFC 822 can write: the offset is rounded to the minute and the clock time
 * moves with it, so the instant stays exact.
 */
function inWholeMinutes(date: DateTime): DateTime {
  return Number.isInteger(date.offset) ? date : date.setZone(FixedOffsetZone.instance(Math.round(date.offset)));
}

/** Machine-readable form with the zone's offset, for <time datetime> and metadata (RFC 3339). */
export function isoWithOffset(date: DateTime): string {
  return inWholeMinutes(date).toISO({ suppressMilliseconds: true }) ?? "";
}

/** RFC 822 as RSS 2.0 writes dates, with the zone's offset: "Wed, 04 Mar 2026 09:30:00 -0500". */
export function rfc822(date: DateTime): string {
  return inWholeMinutes(date).setLocale("en-US").toFormat("ccc, dd LLL yyyy HH:mm:ss ZZZ");
}

/** "March 4, 2025, 9:30 AM EST" in the publication's language. */
export function displayDateTime(date: DateTime, locale: string): string {
  return `${date.setLocale(locale).toLocaleString({ dateStyle: "long", timeStyle: "short" } as Intl.DateTimeFormatOptions)} ${date.toFormat("ZZZZ")}`;
}

/** "March 4, 2025" in the publication's language. */
export function displayDate(date: DateTime, locale: string): string {
  return date.setLocale(locale).toLocaleString(DateTime.DATE_FULL);
}

/**
 * "March 2025" in the publication's language, as it is written inside a sentence ("marzo de
 * 2025", "mars 2025"): month archives, how far back a search went.
 */
export function displayMonth(date: DateTime, locale: string): string {
  return date.setLocale(locale).toLocaleString({ month: "long", year: "numeric" });
}

/** A moment as pages show it: machine-readable and for people. */
export interface When {
  iso: string;
  display: string;
}

/** `withTime` false: the day only, as for date-only articles and in listings. */
export function when(date: DateTime, locale: string, withTime = true): When {
  return { iso: isoWithOffset(date), display: withTime ? displayDateTime(date, locale) : displayDate(date, locale) };
}
