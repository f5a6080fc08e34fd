import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { recordOnTimeline } from '../timeline/timeline-writer.js';
import { statusAfterEvent } from '../workflow/case-status.js';
import { lockWorkflow } from '../workflow/workflow-store.js';
import { moveStatus } from '../workflow/workflow-transitions.js';

/**
 * What other services did to a case after routing's part (cancelled tasks, fees, certificates, delivery): it goes
 * on the case's timeline and, where it marks a step of the case's life, moves the case's status forward.
 */
@Injectable()
export class FollowProgress {
  async run(e: EventEnvelope, tx: Tx): Promise<void> {
    const wf = await lockWorkflow(tx.manager, e.caseNo);
    await recordOnTimeline(tx.manager, e);
    const next = statusAfterEvent(wf.status, e.type);
    if (next) await moveStatus(tx, wf, next);
  }
}
