import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { CaseStatus, Events, isUnderReview, type EventEnvelope, type TaskDecidedData } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import { ClockRepository } from '../clock/clock.repository.js';
import { SuspendCase } from '../supplement/suspend-case.js';
import { TimelineRepository } from '../timeline/timeline.repository.js';
import { TimelineWriter } from '../timeline/timeline-writer.js';
import { joinStage } from '../workflow/stage-join.js';
import { WorkflowTransitions } from '../workflow/workflow-transitions.js';
import { WorkflowRepository, type WorkflowRow } from '../workflow/workflow.repository.js';

/** A department decided its review task: record it, and move the case on when the stage's join says so. */
@Injectable()
export class JoinDecision {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly workflows: WorkflowRepository,
    private readonly clocks: ClockRepository,
    private readonly timeline: TimelineRepository,
    private readonly onTimeline: TimelineWriter,
    private readonly transitions: WorkflowTransitions,
    private readonly suspendCase: SuspendCase,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<TaskDecidedData>): Promise<void> {
    const wf = await this.workflows.lock(tx.manager, e.caseNo);
    await this.timeline.record(tx.manager, e);
    await this.workflows.recordDecision(tx.manager, e);
    // The task's clock stops with a decision; a supplement request only pauses it (with the whole case, below).
    if (e.data.decision !== 'REQUEST_SUPPLEMENT') {
      await this.clocks.closeTaskClock(tx.manager, { caseNo: e.caseNo, ...e.data }, e.data.decision, new Date(e.occurredAt));
    }
    // Decisions that come in after the case ended are kept (every department's opinion stays) but change nothing.
    if (!isUnderReview(wf.status) || e.data.stage !== wf.current_stage) return;
    if (e.data.decision === 'REQUEST_SUPPLEMENT') return this.suspendCase.suspend(tx, wf, e);
    const decisions = await this.workflows.decisionsOf(tx.manager, wf.case_no, wf.current_stage);
    await this.follow(tx, wf, joinStage(wf.plan, wf.current_stage, decisions));
  }

  private async follow(tx: Tx, wf: WorkflowRow, outcome: ReturnType<typeof joinStage>): Promise<void> {
    switch (outcome.kind) {
      case 'REJECTED':
        return this.transitions.rejectCase(tx, wf, outcome.rejection);
      case 'SUSPENDED':
        // A department asked for a supplement and has not decided again since: the stage waits for it. Suspending
        // and resuming are the supplement's own (suspendCase on the request, ResumeCase when the materials are in).
        return;
      case 'WAITING':
        // A decision made just before the case was suspended must not set its clock running again.
        return wf.status === CaseStatus.SUSPENDED ? undefined : this.transitions.moveStatus(tx, wf, CaseStatus.IN_REVIEW);
      case 'COMPLETED':
        await this.onTimeline.emit(tx, Events.StageCompleted, wf.case_no, { stage: wf.current_stage });
        return outcome.next ? this.transitions.openStage(tx, wf, outcome.next, this.config.warningThreshold) : this.transitions.approveCase(tx, wf);
    }
  }
}
