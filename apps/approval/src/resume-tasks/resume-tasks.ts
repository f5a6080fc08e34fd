import { Injectable } from '@nestjs/common';
import { WorkingCalendar } from '#libs/calendar';
import { workingMsBetween } from '../worklist/warning-level.js';
import type { CaseResumedData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryOne, queryRows } from '#libs/persistence';
import { rememberLegalDeadline } from '../task-clock/case-clock.js';

/**
 * The applicant supplied what was asked for: routing resumed the case. Every task that waited (PAUSED, and the
 * department's own SUPPLEMENT_REQUESTED task) is OPEN again, due later by the working days the case stood still,
 * and the department that asked decides afresh (its earlier request stays on the case's timeline).
 * A resume that overtook its suspension is retried until the suspension has been applied.
 */
@Injectable()
export class ResumeTasks {
  private readonly calendar = WorkingCalendar.official();

  async run(e: EventEnvelope<CaseResumedData>, tx: Tx): Promise<void> {
    const d = e.data;
    const m = tx.manager;
    const s = d.suspensionId
      ? await queryOne<{ suspension_id: string; resumed_at: Date | null; started_at: Date }>(
          m,
          `SELECT suspension_id, resumed_at, started_at FROM approval.suspensions WHERE suspension_id = $1 FOR UPDATE`,
          [d.suspensionId],
        )
      : await queryOne<{ suspension_id: string; resumed_at: Date | null; started_at: Date }>(
          m,
          `SELECT suspension_id, resumed_at, started_at FROM approval.suspensions WHERE case_no = $1 AND resumed_at IS NULL
            ORDER BY started_at DESC LIMIT 1 FOR UPDATE`,
          [e.caseNo],
        );
    if (!s) throw new Error(`case ${e.caseNo}: resumed before its suspension ${d.suspensionId ?? ''} reached approval`);
    if (s.resumed_at) return;
    await m.query(`UPDATE approval.suspensions SET resumed_at = $2, suspended_working_days = $3 WHERE suspension_id = $1`, [
      s.suspension_id,
      e.occurredAt,
      d.suspendedWorkingDays,
    ]);
    await rememberLegalDeadline(m, e.caseNo, d.legalDeadline);
    const waiting = await queryRows<{ id: string; due_at: Date }>(
      m,
      `SELECT id, due_at FROM approval.review_tasks WHERE case_no = $1 AND status IN ('PAUSED', 'SUPPLEMENT_REQUESTED') FOR UPDATE`,
      [e.caseNo],
    );
    const pausedMs = Math.round(workingMsBetween(s.started_at, new Date(e.occurredAt), this.calendar));
    for (const t of waiting) {
      const due = d.suspendedWorkingDays > 0 ? this.calendar.extend(t.due_at, d.suspendedWorkingDays).at : t.due_at;
      await m.query(
        `UPDATE approval.review_tasks
            SET status = 'OPEN', due_at = $2, paused_at = NULL, suspension_id = NULL, paused_ms = paused_ms + $3,
                decision = NULL, opinion = NULL, decided_by = NULL, decided_at = NULL, decided_on_behalf_of = NULL,
                version = version + 1
          WHERE id = $1`,
        [t.id, due, pausedMs],
      );
    }
  }
}
