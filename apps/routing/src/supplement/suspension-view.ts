import { toShanghai } from '#libs/calendar';
import type { SuspensionView } from '#libs/contracts';
import type { SuspensionRow } from './suspension.repository.js';

/** A stop of the case's clock: when, why, what was asked for, and how long it counted. */
export function toSuspensionView(r: SuspensionRow): SuspensionView {
  return {
    suspensionId: r.id,
    startedAt: toShanghai(r.started_at)!,
    ...(r.ended_at ? { endedAt: toShanghai(r.ended_at)! } : {}),
    reason: r.reason,
    requested: r.requested,
    department: r.department,
    taskId: r.task_id,
    ...(r.suspended_working_days !== null ? { suspendedWorkingDays: r.suspended_working_days } : {}),
    ...(r.end_reason ? { endReason: r.end_reason as SuspensionView['endReason'] } : {}),
  };
}
