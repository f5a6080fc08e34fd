import type { EntityManager } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import type { SuspensionView } from '#libs/contracts';
import { queryRows } from '#libs/persistence';
import type { SuspensionRow } from './suspend-case.js';

/** Every stop of the case's clock, oldest first: when, why, what was asked for, and how long it counted. */
export async function suspensionsOf(m: EntityManager, caseNo: string): Promise<SuspensionView[]> {
  const rows = await queryRows<SuspensionRow>(m, `SELECT * FROM routing.suspensions WHERE case_no = $1 ORDER BY started_at, id`, [caseNo]);
  return rows.map((r) => ({
    suspensionId: r.id,
    startedAt: toShanghai(r.started_at)!,
    ...(r.ended_at ? { endedAt: toShanghai(r.ended_at)! } : {}),
    reason: r.reason,
    requested: r.requested,
    department: r.department,
    taskId: r.task_id,
    ...(r.suspended_working_days !== null ? { suspendedWorkingDays: r.suspended_working_days } : {}),
    ...(r.end_reason ? { endReason: r.end_reason as SuspensionView['endReason'] } : {}),
  }));
}
