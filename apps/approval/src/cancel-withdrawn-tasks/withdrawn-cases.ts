import type { EntityManager } from 'typeorm';
import { queryOne } from '#libs/persistence';

/**
 * Cases withdrawn at the window. Kept because the withdrawal (intake's stream) and a stage opening (routing's
 * stream) can arrive in either order: a stage that opens after the withdrawal must not hand out tasks.
 */
export async function isWithdrawn(m: EntityManager, caseNo: string): Promise<boolean> {
  await lockCaseTasks(m, caseNo);
  return !!(await queryOne(m, `SELECT 1 FROM approval.withdrawn_cases WHERE case_no = $1`, [caseNo]));
}

/**
 * Opening a stage and cancelling for a withdrawal take turns on one case (until the transaction ends): otherwise a
 * stage's tasks inserted while the withdrawal commits would be missed by both and stay open.
 */
export async function lockCaseTasks(m: EntityManager, caseNo: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`approval:case-tasks:${caseNo}`]);
}

export function withdrawnReason(reason: string): string {
  return `申请人已撤回申请：${reason} / withdrawn by the applicant: ${reason}`;
}
