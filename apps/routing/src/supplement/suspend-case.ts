import { Injectable } from '@nestjs/common';
import { CaseStatus, Events, type EventEnvelope, type TaskDecidedData } from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';
import { ClockRepository } from '../clock/clock.repository.js';
import { TimelineWriter } from '../timeline/timeline-writer.js';
import { WorkflowTransitions } from '../workflow/workflow-transitions.js';
import type { WorkflowRow } from '../workflow/workflow.repository.js';
import { mergeRequested } from './supplement-match.js';
import { SuspensionRepository } from './suspension.repository.js';

/**
 * 补正: a department asked the applicant for materials. The case's clock stops from the moment it asked: the case
 * is SUSPENDED, a suspension is recorded and every running clock of the case pauses; approval pauses the other
 * open tasks when it hears CaseSuspended. A second department asking while the case already waits joins the same
 * suspension: its materials are added to what the applicant must bring, and it too gets a CaseSuspended.
 * The caller holds the workflow's lock and has checked the case is under review at this stage.
 */
@Injectable()
export class SuspendCase {
  constructor(
    private readonly suspensions: SuspensionRepository,
    private readonly clocks: ClockRepository,
    private readonly transitions: WorkflowTransitions,
    private readonly onTimeline: TimelineWriter,
  ) {}

  async suspend(tx: Tx, wf: WorkflowRow, e: EventEnvelope<TaskDecidedData>): Promise<void> {
    const d = e.data;
    const requested = d.requested ?? [];
    const open = await this.suspensions.lockOpen(tx.manager, wf.case_no);
    let suspensionId: string;
    if (open) {
      suspensionId = open.id;
      await this.suspensions.setRequested(tx.manager, open.id, mergeRequested(open.requested, requested));
    } else {
      suspensionId = newId();
      await this.suspensions.add(tx.manager, {
        id: suspensionId,
        caseNo: wf.case_no,
        startedAt: e.occurredAt,
        reason: d.opinion ?? '',
        requested,
        taskId: d.taskId,
        department: d.department,
        stage: d.stage,
      });
      await this.transitions.moveStatus(tx, wf, CaseStatus.SUSPENDED);
    }
    // A supplement was requested: every running clock of the case stands still.
    await this.clocks.pause(tx.manager, wf.case_no);
    await this.onTimeline.emit(tx, Events.CaseSuspended, wf.case_no, {
      taskId: d.taskId,
      stage: d.stage,
      department: d.department,
      requested,
      reason: d.opinion ?? '',
      suspensionId,
    });
  }
}
