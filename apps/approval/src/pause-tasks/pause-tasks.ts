import { Injectable } from '@nestjs/common';
import type { CaseSuspendedData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryOne } from '#libs/persistence';

/**
 * 补正: routing suspended the case because a department asked the applicant for materials. The stage's other open
 * tasks are PAUSED (they cannot be decided, and show no time running or overdue) and the asking task, already
 * SUPPLEMENT_REQUESTED, waits with them; all reopen on CaseResumed. A suspension that already ended (its resume
 * overtook a second department's CaseSuspended) pauses nothing.
 */
@Injectable()
export class PauseTasks {
  async run(e: EventEnvelope<CaseSuspendedData>, tx: Tx): Promise<void> {
    const d = e.data;
    const suspensionId = d.suspensionId ?? e.id;
    await tx.manager.query(
      `INSERT INTO approval.suspensions (suspension_id, case_no, started_at) VALUES ($1, $2, $3) ON CONFLICT (suspension_id) DO NOTHING`,
      [suspensionId, e.caseNo, e.occurredAt],
    );
    const s = await queryOne<{ resumed_at: Date | null }>(
      tx.manager,
      `SELECT resumed_at FROM approval.suspensions WHERE suspension_id = $1 FOR UPDATE`,
      [suspensionId],
    );
    if (s?.resumed_at) return;
    await tx.manager.query(
      `UPDATE approval.review_tasks SET status = 'PAUSED', paused_at = $2, suspension_id = $3, version = version + 1
        WHERE case_no = $1 AND status = 'OPEN'`,
      [e.caseNo, e.occurredAt, suspensionId],
    );
    await tx.manager.query(
      `UPDATE approval.review_tasks SET paused_at = COALESCE(paused_at, $3), suspension_id = $2
        WHERE id = $1 AND status = 'SUPPLEMENT_REQUESTED'`,
      [d.taskId, suspensionId, e.occurredAt],
    );
  }
}
