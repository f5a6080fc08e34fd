import { Injectable } from '@nestjs/common';
import { statusesMovingTo, statusOnEvent, type EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { CaseRepository } from '../case/case.repository.js';

/**
 * How a case ended, as far as the window needs to know: rejected by routing, or its result sent out or collected by
 * delivery. Intake keeps it to refuse a withdrawal or a supplement that comes too late. It moves by the case's one
 * life (canMove in #libs/contracts): only forward and never out of WITHDRAWN; a redelivered event changes nothing.
 */
@Injectable()
export class FollowCase {
  constructor(private readonly cases: CaseRepository) {}

  async execute(tx: Tx, e: EventEnvelope): Promise<void> {
    const to = statusOnEvent(e.type);
    if (!to) return;
    await this.cases.moveStatus(tx.manager, e.caseNo, to, statusesMovingTo(to));
  }
}
