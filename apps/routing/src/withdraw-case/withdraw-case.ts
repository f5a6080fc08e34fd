import { Injectable } from '@nestjs/common';
import { CaseStatus, type CaseWithdrawnData, type EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { Clocks } from '../clock/clocks.js';
import { TimelineRepository } from '../timeline/timeline.repository.js';
import { WorkflowRepository } from '../workflow/workflow.repository.js';

/** A withdrawal ends the case at any point until it is rejected or its result has left the window. */
export function withdrawable(status: CaseStatus): boolean {
  return !([CaseStatus.REJECTED, CaseStatus.WITHDRAWN, CaseStatus.DELIVERING, CaseStatus.DELIVERED] as CaseStatus[]).includes(status);
}

/**
 * The applicant withdrew the case at the window (intake guards when that is allowed). The workflow ends WITHDRAWN,
 * also after approval (fees and delivery wind down their part); one that already ended keeps its status and only
 * records the withdrawal on its timeline. A redelivery changes nothing.
 */
@Injectable()
export class WithdrawCase {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly timeline: TimelineRepository,
    private readonly clocks: Clocks,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<CaseWithdrawnData>): Promise<void> {
    const wf = await this.workflows.lock(tx.manager, e.caseNo);
    await this.timeline.record(tx.manager, e);
    if (!withdrawable(wf.status)) return;
    await this.workflows.update(tx.manager, wf.case_no, { status: CaseStatus.WITHDRAWN });
    // The clock (#4): a withdrawn case's clocks stop, and a suspension it was in ends.
    await this.clocks.closeCaseClocks(tx.manager, wf.case_no, CaseStatus.WITHDRAWN, new Date(e.occurredAt));
  }
}
