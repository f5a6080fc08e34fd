import { Injectable } from '@nestjs/common';
import { canMove, CaseStatus, Events, type ReviewStage } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { Clocks } from '../clock/clocks.js';
import { TimelineWriter } from '../timeline/timeline-writer.js';
import type { RecordedDecision } from './stage-join.js';
import { WorkflowRepository, type WorkflowRow } from './workflow.repository.js';

/**
 * The moves of a case's workflow, each with its event. Callers hold the workflow's row lock; every move goes
 * through canMove so an out-of-order event can never take a case backwards.
 */
@Injectable()
export class WorkflowTransitions {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly clocks: Clocks,
    private readonly onTimeline: TimelineWriter,
  ) {}

  async openStage(tx: Tx, wf: WorkflowRow, stage: ReviewStage, warningThreshold: number): Promise<void> {
    await this.workflows.update(tx.manager, wf.case_no, { status: CaseStatus.IN_REVIEW, currentStage: stage.stage });
    // Each department's task gets its clock (and its id) here; due at the promised deadline unless the stage has a share.
    const clocks = await this.clocks.openTaskClocks(tx.manager, wf, stage, new Date(), warningThreshold);
    await this.onTimeline.emit(tx, Events.StageOpened, wf.case_no, {
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

  async approveCase(tx: Tx, wf: WorkflowRow): Promise<void> {
    await this.workflows.update(tx.manager, wf.case_no, { status: CaseStatus.APPROVED });
    await this.clocks.closeCaseClocks(tx.manager, wf.case_no, CaseStatus.APPROVED);
    await this.onTimeline.emit(tx, Events.CaseApproved, wf.case_no, {});
  }

  async rejectCase(tx: Tx, wf: WorkflowRow, rejection: RecordedDecision): Promise<void> {
    await this.workflows.update(tx.manager, wf.case_no, { status: CaseStatus.REJECTED });
    await this.clocks.closeCaseClocks(tx.manager, wf.case_no, CaseStatus.REJECTED);
    await this.onTimeline.emit(tx, Events.CaseRejected, wf.case_no, {
      stage: rejection.stage,
      department: rejection.department,
      opinion: rejection.opinion,
    });
  }

  /** A status change with no event of routing's own (the event that caused it is already on the timeline). */
  async moveStatus(tx: Tx, wf: WorkflowRow, to: CaseStatus): Promise<void> {
    if (canMove(wf.status, to)) await this.workflows.update(tx.manager, wf.case_no, { status: to });
  }
}
