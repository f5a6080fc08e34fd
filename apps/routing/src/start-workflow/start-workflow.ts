import { Injectable } from '@nestjs/common';
import { Events, type Actor, type CaseAcceptedData, type EventEnvelope, type ImmediateDecision } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryRows } from '#libs/persistence';
import { startCaseClock } from '../clock/clock-store.js';
import { recordOnTimeline } from '../timeline/timeline-writer.js';
import { firstStage } from '../workflow/stage-join.js';
import { approveCase, openStage } from '../workflow/workflow-transitions.js';
import type { WorkflowRow } from '../workflow/workflow-store.js';

/** A case was accepted at the window: its workflow starts and the first stage's departments get their tasks. */
@Injectable()
export class StartWorkflow {
  async run(e: EventEnvelope<CaseAcceptedData>, tx: Tx): Promise<void> {
    const d = e.data;
    const [created] = await queryRows<WorkflowRow>(
      tx.manager,
      `INSERT INTO routing.workflows (case_no, item_code, item_name, plan, current_stage, status, accepted_at, promised_deadline, legal_deadline, joint_site_survey)
       VALUES ($1, $2, $3, $4::jsonb, 0, 'ACCEPTED', $5, $6, $7, $8)
       ON CONFLICT (case_no) DO NOTHING
       RETURNING *`,
      [e.caseNo, d.itemCode, d.itemName, JSON.stringify(d.reviewPlan ?? []), d.acceptedAt, d.promisedDeadline, d.legalDeadline, d.jointSiteSurvey === true],
    );
    await recordOnTimeline(tx.manager, e);
    // Already started under another event id: opening the stage again would hand out duplicate tasks.
    if (!created) return;
    await startCaseClock(tx.manager, created);
    const first = firstStage(created.plan);
    // A plan without review stages has nothing left to decide once the window accepted it.
    // 即办件: the stage opens carrying the decision the chief representative took at the window; approval records it.
    if (first) await openStage(d.immediateDecision ? withImmediateDecision(tx, d.immediateDecision) : tx, created, first);
    else await approveCase(tx, created);
  }
}

/** The same transaction, with the window's decision added to the StageOpened event that openStage emits. */
function withImmediateDecision(tx: Tx, immediateDecision: ImmediateDecision): Tx {
  return {
    manager: tx.manager,
    meta: tx.meta,
    emit: <T>(type: string, caseNo: string, data: T, actor?: Actor) =>
      tx.emit<T>(type, caseNo, type === Events.StageOpened ? ({ ...data, immediateDecision } as T) : data, actor),
  };
}
