import { CaseStatus, Events, type ReviewStage } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { closeCaseClocks, openTaskClocks } from '../clock/clock-store.js';
import { emitOnTimeline } from '../timeline/timeline-writer.js';
import { canMove } from './case-status.js';
import type { RecordedDecision } from './stage-join.js';
import { updateWorkflow, type WorkflowRow } from './workflow-store.js';

/**
 * The moves of a case's workflow, each with its event. Callers hold the workflow's row lock; every move goes
 * through canMove so an out-of-order event can never take a case backwards.
 */

export async function openStage(tx: Tx, wf: WorkflowRow, stage: ReviewStage): Promise<void> {
  await updateWorkflow(tx.manager, wf.case_no, { status: CaseStatus.IN_REVIEW, currentStage: stage.stage });
  // Each department's task gets its clock (and its id) here; due at the promised deadline unless the stage has a share.
  const clocks = await openTaskClocks(tx.manager, wf, stage, new Date());
  await emitOnTimeline(tx, Events.StageOpened, wf.case_no, {
    itemCode: wf.item_code,
    itemName: wf.item_name,
    stage: stage.stage,
    departments: stage.departments,
    ...(stage.lead ? { lead: stage.lead } : {}),
    dueAt: clocks.dueAt.toISOString(),
    taskIds: clocks.taskIds,
    legalDeadline: wf.legal_deadline.toISOString(),
    ...(wf.joint_site_survey ? { jointSiteSurvey: true } : {}),
  });
}

export async function approveCase(tx: Tx, wf: WorkflowRow): Promise<void> {
  await updateWorkflow(tx.manager, wf.case_no, { status: CaseStatus.APPROVED });
  await closeCaseClocks(tx.manager, wf.case_no, CaseStatus.APPROVED);
  await emitOnTimeline(tx, Events.CaseApproved, wf.case_no, {});
}

export async function rejectCase(tx: Tx, wf: WorkflowRow, rejection: RecordedDecision): Promise<void> {
  await updateWorkflow(tx.manager, wf.case_no, { status: CaseStatus.REJECTED });
  await closeCaseClocks(tx.manager, wf.case_no, CaseStatus.REJECTED);
  await emitOnTimeline(tx, Events.CaseRejected, wf.case_no, {
    stage: rejection.stage,
    department: rejection.department,
    opinion: rejection.opinion,
  });
}

/** A status change with no event of routing's own (the event that caused it is already on the timeline). */
export async function moveStatus(tx: Tx, wf: WorkflowRow, to: CaseStatus): Promise<void> {
  if (canMove(wf.status, to)) await updateWorkflow(tx.manager, wf.case_no, { status: to });
}
