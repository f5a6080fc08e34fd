import { Injectable } from '@nestjs/common';
import { statusAfterEvent, type EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { TimelineRepository } from '../timeline/timeline.repository.js';
import { WorkflowTransitions } from '../workflow/workflow-transitions.js';
import { WorkflowRepository } from '../workflow/workflow.repository.js';

/**
 * What other services did to a case after routing's part (cancelled tasks, fees, certificates, delivery): it goes
 * on the case's timeline and, where it marks a step of the case's life, moves the case's status forward.
 */
@Injectable()
export class FollowProgress {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly timeline: TimelineRepository,
    private readonly transitions: WorkflowTransitions,
  ) {}

  async execute(tx: Tx, e: EventEnvelope): Promise<void> {
    const wf = await this.workflows.lock(tx.manager, e.caseNo);
    await this.timeline.record(tx.manager, e);
    const next = statusAfterEvent(wf.status, e.type);
    if (next) await this.transitions.moveStatus(tx, wf, next);
  }
}
