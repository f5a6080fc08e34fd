import type { WarningLevel } from '#libs/contracts';
import type { WorkingCalendar } from './working-calendar.js';
import { activeMsBetween, instantAfterActiveMs, type Interval } from './working-time.js';

/** A clock: a case (from acceptance to its promised deadline) or a task (from its creation to its due time). */
export interface ClockInput {
  start: Date;
  due: Date;
  /** The case's supplement suspensions (补正); an open one has `to: null`. */
  stops: Interval[];
  /**
   * Working time the clock already stood still, for a holder that keeps only the sum of its past stops (approval's
   * review task keeps `paused_ms`, not the intervals). Left out of the time used and of the whole, as `stops` are.
   */
  stoppedMs?: number;
  /** The share of the time used that turns it yellow, 0 < threshold < 1 (`ServiceConfig.warningThreshold`). */
  threshold: number;
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
export function warningLevel(cal: WorkingCalendar, c: ClockInput, now: Date): WarningLevel {
  const open = c.stops.find((s) => s.to === null && s.from.getTime() <= now.getTime());
  const at = open ? open.from : now;
  if (at.getTime() > c.due.getTime()) return 'RED';
  const stopped = c.stoppedMs ?? 0;
  // The due time has not moved yet for a suspension still open: the share is taken of the time before it.
  const total = activeMsBetween(cal, c.start, c.due, c.stops.filter((s) => s.to !== null)) - stopped;
  if (total <= 0) return 'YELLOW';
  const used = activeMsBetween(cal, c.start, at, c.stops) - stopped;
  return used >= c.threshold * total ? 'YELLOW' : 'NONE';
}

/**
 * When the rule will fire, for a clock that is running: yellow at the first instant at which `used ≥ threshold ×
 * total`, red right after `due`. Routing's sweep stores these (recomputed whenever the clock changes: suspension
 * ended, extension) and picks up only rows whose next time has come.
 */
export function warningTimes(cal: WorkingCalendar, c: ClockInput): { yellowAt: Date; redAfter: Date } {
  const stopped = c.stoppedMs ?? 0;
  const total = activeMsBetween(cal, c.start, c.due, c.stops) - stopped;
  const yellowAt = total <= 0 ? c.start : instantAfterActiveMs(cal, c.start, Math.ceil(c.threshold * total) + stopped, c.stops);
  return { yellowAt: yellowAt.getTime() > c.due.getTime() ? c.due : yellowAt, redAfter: c.due };
}
