import { activeMsBetween, WORKING_DAY_MS, type Interval, type WorkingCalendar } from '#libs/calendar';
import type { ClockFigures } from '#libs/contracts';

/** One clock as the statistics read it: a task of a department, or a case of an item. */
export interface ClockFact {
  caseNo: string;
  startedAt: Date;
  dueAt: Date;
  status: 'OPEN' | 'PAUSED' | 'CLOSED';
  closedAt: Date | null;
  /** Decided (approved or rejected) as opposed to cancelled, withdrawn or closed with its case. */
  completed: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** p90 by nearest rank: the smallest value with at least 90% of the values at or below it. */
export function p90(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1];
}

/**
 * The figures of one group over [from, to):
 * - accepted: started (case accepted / task created) in the period;
 * - completed: decided in the period; onTime: decided by the due time (as it stood when decided: moved by
 *   suspensions and an extension); overdue: decided after it;
 * - averageWorkingDays / p90WorkingDays: of the completed ones, the working time from start to decision, the
 *   case's suspensions left out, in working days (24 h of a working day = 1; two decimals);
 * - openNow / openOverdue: running or paused right now, whatever their start; and of those, running past due
 *   (a paused one is never overdue).
 */
export function clockFigures(
  cal: WorkingCalendar,
  facts: ClockFact[],
  window: { from: Date; to: Date },
  now: Date,
  stopsOf: (caseNo: string) => Interval[],
): ClockFigures {
  const within = (d: Date | null) => d !== null && d >= window.from && d < window.to;
  const done = facts.filter((f) => f.completed && within(f.closedAt));
  const days = done.map((f) => activeMsBetween(cal, f.startedAt, f.closedAt!, stopsOf(f.caseNo)) / WORKING_DAY_MS);
  const open = facts.filter((f) => f.status !== 'CLOSED');
  const onTime = done.filter((f) => f.closedAt! <= f.dueAt).length;
  return {
    accepted: facts.filter((f) => within(f.startedAt)).length,
    completed: done.length,
    onTime,
    overdue: done.length - onTime,
    averageWorkingDays: days.length ? round2(days.reduce((a, b) => a + b, 0) / days.length) : null,
    p90WorkingDays: days.length ? round2(p90(days)!) : null,
    openNow: open.length,
    openOverdue: open.filter((f) => f.status === 'OPEN' && now > f.dueAt).length,
  };
}
