import type { WorkingCalendar } from '#libs/calendar';
import { activeMsBetween, instantAfterActiveMs, type Interval } from './working-time.js';

export type Level = 'NONE' | 'YELLOW' | 'RED';

/** A clock: a case (from acceptance to its promised deadline) or a task (from its creation to its due time). */
export interface ClockInput {
  start: Date;
  due: Date;
  /** The case's supplement suspensions (补正); an open one has `to: null`. */
  stops: Interval[];
  /** The share of the time used that turns it yellow, 0 < threshold < 1 (WARNING_THRESHOLD, default 0.8). */
  threshold: number;
}

/** `WARNING_THRESHOLD` (0 < x < 1), default 0.8; anything else stops the service at boot with one line. */
export function warningThreshold(raw: string | undefined = process.env.WARNING_THRESHOLD): number {
  if (raw === undefined || raw === '') return 0.8;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n >= 1) throw new Error(`[routing] bad configuration: WARNING_THRESHOLD must be between 0 and 1 (exclusive), got "${raw}"`);
  return n;
}

/**
 * The warning rule (电子监察 预警):
 *
 *   total   = working time from start to due, suspensions left out
 *   used    = working time from start to now, suspensions left out
 *   RED     when now is past the due time (due is the last second of a working day, 23:59:59 Asia/Shanghai);
 *   YELLOW  when used ≥ threshold × total (a clock with no working time at all is yellow from its start);
 *   NONE    otherwise.
 *
 * Working time counts only working days (official schedule), each as 24 hours. While the case is suspended the
 * clock is frozen: "now" is taken as the moment the suspension began, so a paused item neither turns yellow nor
 * goes overdue while it waits for the applicant (its due time moves when the clock runs again).
 */
export function warningLevel(cal: WorkingCalendar, c: ClockInput, now: Date): Level {
  const open = c.stops.find((s) => s.to === null && s.from.getTime() <= now.getTime());
  const at = open ? open.from : now;
  if (at.getTime() > c.due.getTime()) return 'RED';
  // The due time has not moved yet for a suspension still open: the share is taken of the time before it.
  const total = activeMsBetween(cal, c.start, c.due, c.stops.filter((s) => s.to !== null));
  if (total <= 0) return 'YELLOW';
  const used = activeMsBetween(cal, c.start, at, c.stops);
  return used >= c.threshold * total ? 'YELLOW' : 'NONE';
}

/**
 * When the rule will fire, for a clock that is running: yellow at the first instant at which `used ≥ threshold ×
 * total`, red right after `due`. The sweep stores these (recomputed whenever the clock changes: suspension ended,
 * extension) and picks up only rows whose next time has come.
 */
export function warningTimes(cal: WorkingCalendar, c: ClockInput): { yellowAt: Date; redAfter: Date } {
  const total = activeMsBetween(cal, c.start, c.due, c.stops);
  const yellowAt = total <= 0 ? c.start : instantAfterActiveMs(cal, c.start, Math.ceil(c.threshold * total), c.stops);
  return { yellowAt: yellowAt.getTime() > c.due.getTime() ? c.due : yellowAt, redAfter: c.due };
}

/** The levels a sweep raises at `now` from the stored times, yellow first; a red never comes without its yellow. */
export function levelsDue(
  times: { yellowAt: Date; dueAt: Date; yellowRaised: boolean; redRaised: boolean },
  now: Date,
): ('YELLOW' | 'RED')[] {
  const red = !times.redRaised && now.getTime() > times.dueAt.getTime();
  const yellow = !times.yellowRaised && (red || now.getTime() >= times.yellowAt.getTime());
  return [...(yellow ? (['YELLOW'] as const) : []), ...(red ? (['RED'] as const) : [])];
}
