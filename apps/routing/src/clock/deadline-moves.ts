import { shanghaiDate, type WorkingCalendar } from '#libs/calendar';
import type { ReviewStage } from '#libs/contracts';

export interface Estimate {
  estimated: boolean;
  estimatedYears: number[];
}

export interface CaseDeadlines extends Estimate {
  promised: Date;
  legal: Date;
}

function mergeYears(...lists: number[][]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/**
 * Which years between acceptance and the last deadline had no official schedule. A deadline walks every day from
 * acceptance to its end, so this is exactly the union of `estimatedYears` the calendar gave each deadline: routing
 * can tell without the item's day counts.
 */
export function estimateOf(cal: WorkingCalendar, from: Date, to: Date): Estimate {
  const first = Number(shanghaiDate(from).slice(0, 4));
  const last = Number(shanghaiDate(to).slice(0, 4));
  const years: number[] = [];
  for (let y = first; y <= last; y++) if (!cal.isKnownYear(y)) years.push(y);
  return { estimated: years.length > 0, estimatedYears: years };
}

/**
 * The clock ran again after a supplement: every deadline moves by the working days the suspension covered
 * (calendar.workingDaysBetween: working days whose start lies in [suspended, resumed)). A move into a year without
 * a schedule marks the deadlines estimated, and they stay marked.
 */
export function moveBySuspension(
  cal: WorkingCalendar,
  current: CaseDeadlines,
  suspendedAt: Date,
  resumedAt: Date,
): CaseDeadlines & { days: number } {
  const days = cal.workingDaysBetween(suspendedAt, resumedAt);
  const promised = cal.extend(current.promised, days);
  const legal = cal.extend(current.legal, days);
  const estimatedYears = mergeYears(current.estimatedYears, promised.estimatedYears, legal.estimatedYears);
  return { days, promised: promised.at, legal: legal.at, estimated: estimatedYears.length > 0 || current.estimated, estimatedYears };
}

/** A task's due time moved by the same working days as its case (suspension) or by its extension. */
export function moveDue(cal: WorkingCalendar, due: Date, days: number): Date {
  return days > 0 ? cal.extend(due, days).at : due;
}

/**
 * A stage's tasks are due when the case's promised deadline is, unless the plan gives the stage `shareDays`: then
 * the end of that many working days after the stage opened, never later than the promised deadline (a share
 * cannot buy the stage time the case does not have). `shareDays: 0` is the end of the day it opened.
 */
export function stageDueAt(cal: WorkingCalendar, stage: ReviewStage, openedAt: Date, promised: Date): Date {
  const share = stage.shareDays;
  if (share === undefined || share === null || !Number.isInteger(share) || share < 0) return promised;
  const own = cal.deadline(openedAt, share).at;
  return own.getTime() < promised.getTime() ? own : promised;
}
