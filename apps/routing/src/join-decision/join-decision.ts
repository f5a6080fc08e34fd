import { Injectable } from '@nestjs/common';
import { CaseStatus, Events, type EventEnvelope, type TaskDecidedData } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryRows } from '#libs/persistence';
import { closeTaskClock } from '../clock/clock-store.js';
import { suspendCase } from '../supplement/suspend-case.js';
import { emitOnTimeline, recordOnTimeline } from '../timeline/timeline-writer.js';
import { isUnderReview } from '../workflow/case-status.js';
import { joinStage, type RecordedDecision } from '../workflow/stage-join.js';
import { lockWorkflow, type WorkflowRow } from '../workflow/workflow-store.js';
import { approveCase, moveStatus, openStage, rejectCase } from '../workflow/workflow-transitions.js';

/** A department decided its review task: record it, and move the case on when the stage's join says so. */
@Injectable()
export class JoinDecision {
  async run(e: EventEnvelope<TaskDecidedData>, tx: Tx): Promise<void> {
    const wf = await lockWorkflow(tx.manager, e.caseNo);
    await recordOnTimeline(tx.manager, e);
    await this.recordDecision(tx, e);
    // The task's clock stops with a decision; a supplement request only pauses it (with the whole case, below).
    if (e.data.decision !== 'REQUEST_SUPPLEMENT') {
      await closeTaskClock(tx.manager, { caseNo: e.caseNo, ...e.data }, e.data.decision, new Date(e.occurredAt));
    }
    // Decisions that come in after the case ended are kept (every department's opinion stays) but change nothing.
    if (!isUnderReview(wf.status) || e.data.stage !== wf.current_stage) return;
    if (e.data.decision === 'REQUEST_SUPPLEMENT') return suspendCase(tx, wf, e);
    const decisions = await queryRows<RecordedDecision>(
      tx.manager,
      `SELECT stage, department, decision, opinion FROM routing.stage_decisions WHERE case_no = $1 AND stage = $2`,
      [wf.case_no, wf.current_stage],
    );
    await this.follow(tx, wf, joinStage(wf.plan, wf.current_stage, decisions));
  }

  /**
   * A final decision is never overwritten. A supplement request is the exception: once the applicant supplied, the
   * same department decides again, and that later decision is the one the join must see.
   */
  private async recordDecision(tx: Tx, e: EventEnvelope<TaskDecidedData>): Promise<void> {
    const d = e.data;
    await tx.manager.query(
      `INSERT INTO routing.stage_decisions (case_no, stage, department, decision, opinion, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (case_no, stage, department) DO UPDATE
          SET decision = EXCLUDED.decision, opinion = EXCLUDED.opinion,
              decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at
        WHERE routing.stage_decisions.decision = 'REQUEST_SUPPLEMENT'
          AND routing.stage_decisions.decided_at <= EXCLUDED.decided_at`,
      [e.caseNo, d.stage, d.department, d.decision, d.opinion ?? '', e.actor.id, e.occurredAt],
    );
  }

  private async follow(tx: Tx, wf: WorkflowRow, outcome: ReturnType<typeof joinStage>): Promise<void> {
    switch (outcome.kind) {
      case 'REJECTED':
        return rejectCase(tx, wf, outcome.rejection);
      case 'SUSPENDED':
        // A department asked for a supplement and has not decided again since: the stage waits for it. Suspending
        // and resuming are the supplement's own (suspendCase on the request, ResumeCase when the materials are in).
        return;
      case 'WAITING':
        // A decision made just before the case was suspended must not set its clock running again.
        return wf.status === CaseStatus.SUSPENDED ? undefined : moveStatus(tx, wf, CaseStatus.IN_REVIEW);
      case 'COMPLETED':
        await emitOnTimeline(tx, Events.StageCompleted, wf.case_no, { stage: wf.current_stage });
        return outcome.next ? openStage(tx, wf, outcome.next) : approveCase(tx, wf);
    }
  }
}
