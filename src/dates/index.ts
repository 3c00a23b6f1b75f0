// Every date shown or used for a URL is read and formatted in the publication's time zone.
import { DateTime } from "luxon";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A bare date carries no time of day: show it without one. */
export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value);
}

export function isContentDate(value: string): boolean {
  if (!DATE_ONLY.test(value) && !DATE_TIME_WITH_OFFSET.test(value)) return false;
  return DateTime.fromISO(value, { setZone: true }).isValid;
}

/** A front-matter date: a bare date means midnight in the site's zone. */
export function parseContentDate(value: string, zone: string): DateTime {
  const parsed = DATE_ONLY.test(value)
    ? DateTime.fromISO(value, { zone })
    : DateTime.fromISO(value, { setZone: true }).setZone(zone);
  if (!parsed.isValid) throw new Error(`invalid content date ${value}`);
  return parsed;
}

/** Machine-readable form with the zone's offset, for <time datetime> and metadata. */
export function isoWithOffset(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true }) ?? "";
}

/** "March 4, 2025, 9:30 AM EST" in the publication's language. */
export function displayDateTime(date: DateTime, locale: string): string {
  return `${date.setLocale(locale).toLocaleString({ dateStyle: "long", timeStyle: "short" } as Intl.DateTimeFormatOptions)} ${date.toFormat("ZZZZ")}`;
}

/** "March 4, 2025" in the publication's language. */
export function displayDate(date: DateTime, locale: string): string {
  return date.setLocale(locale).toLocaleString(DateTime.DATE_FULL);
}

/** "March 2025" in the publication's language: month archives, how far back a search went. */
export function displayMonth(date: DateTime, locale: string): string {
  return date.setLocale(locale).toFormat("LLLL yyyy");
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
