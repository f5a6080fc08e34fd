import { fromShanghai, shanghaiDate, WorkingCalendar } from '#libs/calendar';
import type { TaskView, WarningLevel } from '#libs/contracts';

const DAY_MS = 86_400_000;

/** The share of a task's working time used before it turns yellow: `WARNING_THRESHOLD` (0 < x < 1), default 0.8. */
export function warningThreshold(env: string | undefined = process.env.WARNING_THRESHOLD): number {
  const n = Number(env);
  return env !== undefined && env !== '' && Number.isFinite(n) && n > 0 && n < 1 ? n : 0.8;
}

/**
 * Working time between two instants, in milliseconds: only the parts of [from, to) that fall on working days
 * (Asia/Shanghai calendar days, official schedule) count. Nights count on working days: the clock is the day's.
 */
export function workingMsBetween(from: Date, to: Date, calendar: WorkingCalendar = WorkingCalendar.official()): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  for (let day = shanghaiDate(from); ; ) {
    const start = fromShanghai(day).getTime();
    const end = start + DAY_MS;
    if (start >= to.getTime()) break;
    if (calendar.isWorkingDay(day)) total += Math.min(end, to.getTime()) - Math.max(start, from.getTime());
    day = shanghaiDate(new Date(end));
  }
  return total;
}

/**
 * The 80% rule, computed when the worklist is read: RED once an open task is past its due time; YELLOW once 80%
 * (configurable) of the working time from its creation to its due time is used; otherwise NONE. Only open tasks
 * warn: a decided, cancelled or suspended (supplement requested) task has no clock running in this department.
 */
export function warningLevel(
  task: { status: TaskView['status']; createdAt: Date; dueAt: Date; pausedMs?: number },
  now: Date,
  opts: { threshold?: number; calendar?: WorkingCalendar } = {},
): WarningLevel {
  if (task.status !== 'OPEN') return 'NONE';
  if (now.getTime() > task.dueAt.getTime()) return 'RED';
  const calendar = opts.calendar ?? WorkingCalendar.official();
  // Time the case spent suspended for a supplement is not the department's: the due time moved by it too.
  const paused = task.pausedMs ?? 0;
  const total = workingMsBetween(task.createdAt, task.dueAt, calendar) - paused;
  // No working time at all between creation and the due time: nothing is left to use.
  if (total <= 0) return 'YELLOW';
  const used = workingMsBetween(task.createdAt, now, calendar) - paused;
  return used / total >= (opts.threshold ?? warningThreshold()) ? 'YELLOW' : 'NONE';
}
