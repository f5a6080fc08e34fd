import { warningLevel, type WorkingCalendar } from '#libs/calendar';
import type { TaskView, WarningLevel } from '#libs/contracts';

/**
 * A review task's warning level, computed when the worklist is read (the rule itself is the calendar's). Only open
 * tasks warn: a decided, cancelled or suspended (supplement requested) task has no clock running in this
 * department. Time the case spent suspended is not the department's: the due time moved by it too.
 */
export function taskWarningLevel(
  cal: WorkingCalendar,
  task: { status: TaskView['status']; createdAt: Date; dueAt: Date; pausedMs?: number },
  now: Date,
  threshold: number,
): WarningLevel {
  if (task.status !== 'OPEN') return 'NONE';
  return warningLevel(cal, { start: task.createdAt, due: task.dueAt, stops: [], stoppedMs: task.pausedMs ?? 0, threshold }, now);
}
