import { Injectable } from '@nestjs/common';
import { Events, type EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';

/**
 * How a case ended, as far as the window needs to know: rejected by routing, or its result sent out or collected by
 * delivery. Intake keeps it to refuse a withdrawal or a supplement that comes too late. Moves only forward and never
 * out of WITHDRAWN; a redelivered event changes nothing.
 */
const MOVES: Record<string, { to: string; from: string[] }> = {
  [Events.CaseRejected]: { to: 'REJECTED', from: ['ACCEPTED'] },
  [Events.DeliveryDispatched]: { to: 'DELIVERING', from: ['ACCEPTED'] },
  [Events.DeliveryDelivered]: { to: 'DELIVERED', from: ['ACCEPTED', 'DELIVERING'] },
};

@Injectable()
export class FollowCase {
  async run(e: EventEnvelope, tx: Tx): Promise<void> {
    const move = MOVES[e.type];
    if (!move) return;
    await tx.manager.query(`UPDATE intake.cases SET status = $2, version = version + 1 WHERE case_no = $1 AND status = ANY($3)`, [
      e.caseNo,
      move.to,
      move.from,
    ]);
  }
}
