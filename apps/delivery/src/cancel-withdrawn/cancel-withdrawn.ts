import { Injectable } from '@nestjs/common';
import type { CaseWithdrawnData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { CaseProfileRepository } from '../case-profile/case-profile.repository.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';

/**
 * The applicant withdrew the case: a delivery waiting at the window or the courier desk (READY) is cancelled and its
 * pickup code stops working; no issuance happens later. One already dispatched or delivered is left as it is. The
 * profile row is locked as issuance locks it, so a withdrawal and a settlement at the same moment act in turn.
 */
@Injectable()
export class CancelWithdrawn {
  constructor(
    private readonly profiles: CaseProfileRepository,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<CaseWithdrawnData>): Promise<void> {
    if (!(await this.profiles.lock(tx.manager, e.caseNo))) throw new Error(`no case profile for case ${e.caseNo} yet`);
    await this.profiles.markWithdrawn(tx.manager, e.caseNo, e.occurredAt);
    await this.deliveries.cancelReady(tx.manager, e.caseNo, `withdrawn: ${e.data.reason}`);
  }
}
