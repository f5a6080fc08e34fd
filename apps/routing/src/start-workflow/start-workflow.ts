import { Injectable } from '@nestjs/common';
import type { CaseAcceptedData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryRows } from '#libs/persistence';
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
      `INSERT INTO routing.workflows (case_no, item_code, item_name, plan, current_stage, status, accepted_at, promised_deadline, legal_deadline)
       VALUES ($1, $2, $3, $4::jsonb, 0, 'ACCEPTED', $5, $6, $7)
       ON CONFLICT (case_no) DO NOTHING
       RETURNING *`,
      [e.caseNo, d.itemCode, d.itemName, JSON.stringify(d.reviewPlan ?? []), d.acceptedAt, d.promisedDeadline, d.legalDeadline],
    );
    await recordOnTimeline(tx.manager, e);
    // Already started under another event id: opening the stage again would hand out duplicate tasks.
    if (!created) return;
    const first = firstStage(created.plan);
    // A plan without review stages has nothing left to decide once the window accepted it.
    if (first) await openStage(tx, created, first);
    else await approveCase(tx, created);
  }
}
