// What the command-line entry points share: the build's clock.
import { DateTime } from "luxon";

/** The build's clock: now, or a pinned ISO 8601 moment (tests and the bench pin it). */
export function buildClock(pinned: string | undefined): DateTime {
  if (!pinned) return DateTime.now();
  const now = DateTime.fromISO(pinned, { setZone: true });
  if (!now.isValid) throw new Error(`NEWSROOM_NOW=${pinned} is not an ISO 8601 date-time`);
  return now;
}
