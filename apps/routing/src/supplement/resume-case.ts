import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseStatus, Events, type CaseSupplementedData, type EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { calendar, resumeClocks } from '../clock/clock-store.js';
import { moveBySuspension } from '../clock/deadline-moves.js';
import { emitOnTimeline, recordOnTimeline } from '../timeline/timeline-writer.js';
import { lockWorkflow } from '../workflow/workflow-store.js';
import { lockOpenSuspension } from './suspend-case.js';
import { unanswered } from './supplement-match.js';

/** Puts the event on the timeline with what routing made of it, so the entry says whether the clock runs again. */
async function recordWithVerdict(m: EntityManager, e: EventEnvelope, verdict: Record<string, unknown>): Promise<void> {
  await recordOnTimeline(m, e);
  await m.query(`UPDATE routing.timeline SET data = data || $2::jsonb WHERE event_id = $1`, [e.id, JSON.stringify(verdict)]);
}

/**
 * Materials arrived at the window (intake's CaseSupplemented). If the case waits for a supplement and everything
 * asked for is now in (this supplement together with earlier ones of the same suspension; matched by code, else by
 * name), the suspension ends: the deadlines move by the working days it lasted, the paused clocks run again and
 * CaseResumed tells approval to reopen the tasks. Otherwise the case stays suspended and the timeline says what
 * is still missing. A supplement while the case is not suspended (容缺 materials) only goes on the timeline.
 */
@Injectable()
export class ResumeCase {
  async run(e: EventEnvelope<CaseSupplementedData>, tx: Tx): Promise<void> {
    const m = tx.manager;
    const wf = await lockWorkflow(m, e.caseNo);
    const open = wf.status === CaseStatus.SUSPENDED ? await lockOpenSuspension(tx, e.caseNo) : undefined;
    if (!open) return recordOnTimeline(m, e);

    const supplied = [...(open.supplied ?? []), ...(e.data.materials ?? [])];
    const missing = unanswered(open.requested ?? [], supplied);
    if (missing.length) {
      await m.query(`UPDATE routing.suspensions SET supplied = $2::jsonb WHERE id = $1`, [open.id, JSON.stringify(supplied)]);
      return recordWithVerdict(m, e, {
        suspension: { suspensionId: open.id, answersRequest: false, stillMissing: missing, note: '补正材料不齐，案件仍暂停计时 / the supplement does not answer the request: the case stays suspended' },
      });
    }

    const suppliedAt = new Date(e.occurredAt);
    const resumedAt = suppliedAt < open.started_at ? open.started_at : suppliedAt;
    const moved = moveBySuspension(
      calendar(),
      { promised: wf.promised_deadline, legal: wf.legal_deadline, estimated: wf.deadline_estimated ?? false, estimatedYears: wf.estimated_years ?? [] },
      open.started_at,
      resumedAt,
    );
    await m.query(
      `UPDATE routing.suspensions SET ended_at = $2, supplied = $3::jsonb, suspended_working_days = $4, end_reason = 'SUPPLIED' WHERE id = $1`,
      [open.id, resumedAt, JSON.stringify(supplied), moved.days],
    );
    await m.query(
      `UPDATE routing.workflows
          SET status = 'IN_REVIEW', promised_deadline = $2, legal_deadline = $3, deadline_estimated = $4, estimated_years = $5,
              version = version + 1, updated_at = now()
        WHERE case_no = $1`,
      [wf.case_no, moved.promised, moved.legal, moved.estimated, moved.estimatedYears],
    );
    await recordWithVerdict(m, e, { suspension: { suspensionId: open.id, answersRequest: true } });
    await resumeClocks(m, wf.case_no, moved.days, moved.promised);
    await emitOnTimeline(tx, Events.CaseResumed, wf.case_no, {
      suspendedWorkingDays: moved.days,
      promisedDeadline: moved.promised.toISOString(),
      legalDeadline: moved.legal.toISOString(),
      suspensionId: open.id,
      suspendedAt: open.started_at.toISOString(),
      reason: open.reason,
    });
  }
}
