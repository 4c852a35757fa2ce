// Time in the voting module. Every decision that depends on the time — is the window open, has
// it closed, is the objection period over — asks `now()`, so that a test can put the module at
// a given moment without waiting for real days to pass.
//
// Times in the record are ISO 8601 with the +08:00 offset (shown in Asia/Shanghai;
// China has kept UTC+8 without daylight saving since 1991), to the millisecond.
import { parseIsoInstant } from '../../../core/voting/time';

let source: () => Date = () => new Date();

export function now(): Date {
  return source();
}

/** Tests only: make `now()` answer from `clock`, or from the system clock again with null. */
export function setVotingClock(clock: (() => Date) | null): void {
  source = clock ?? (() => new Date());
}

const OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `2026-03-02T09:15:00+08:00`, or with `.123` when the time has milliseconds: the exact
 * string that is hashed and published. It names the same instant as the Date.
 */
export function isoShanghai(date: Date): string {
  const local = new Date(date.getTime() + OFFSET_MS);
  const ms = local.getUTCMilliseconds();
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${ms ? `.${pad(ms, 3)}` : ''}+08:00`
  );
}

/** `2026-03-15 24:00`-style text for messages: the end of a day reads as 24:00 of that day. */
export function displayShanghai(date: Date): string {
  const local = new Date(date.getTime() + OFFSET_MS);
  const midnight = local.getUTCHours() === 0 && local.getUTCMinutes() === 0 && local.getUTCSeconds() === 0 && local.getUTCMilliseconds() === 0;
  const shown = midnight ? new Date(local.getTime() - 1) : local;
  const day = `${pad(shown.getUTCFullYear(), 4)}-${pad(shown.getUTCMonth() + 1)}-${pad(shown.getUTCDate())}`;
  if (midnight) return `${day} 24:00`;
  return `${day} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}${local.getUTCSeconds() ? `:${pad(local.getUTCSeconds())}` : ''}`;
}

/**
 * Reads a time a user gave for a vote's window: ISO 8601 with an offset (`24:00` allowed for
 * the end of a day, as the format document allows for closesAt). Null when it is not one, or
 * when it is finer than a millisecond (the database and the record keep milliseconds; a finer
 * instant would be rounded and a ballot cast at the rounded opening would fall outside it).
 */
export function parseWindowTime(text: string): Date | null {
  const instant = parseIsoInstant(text);
  if (!instant || instant.nanos % 1_000_000 !== 0) return null;
  const ms = instant.seconds * 1000 + instant.nanos / 1_000_000;
  if (!Number.isSafeInteger(ms) || Math.abs(ms) > 8.64e15) return null;
  return new Date(ms);
}

/** An instant as the API answers it (UTC ISO 8601), or null. */
export function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}
