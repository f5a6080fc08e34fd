import { Injectable } from '@nestjs/common';
import { Events, type CaseRejectedData, type EventEnvelope } from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { deliveryFor } from '../issue-certificates/certificate-issue.js';
import { Issuance } from '../issue-certificates/issuance.js';
import { decisionLetterNo } from './decision-letter-number.js';
import { DecisionLetterRepository } from './decision-letter.repository.js';

/**
 * Routing rejected the case: a numbered 不予许可决定书 goes out to the applicant the way a certificate would (one
 * READY delivery: WINDOW with a pickup code at the pickup center, or COURIER), announced by DecisionLetterIssued
 * (the timeline) and DeliveryReady (the delivery desks, the applicant's notification). The reason routing acted on
 * is recorded with the departments' own (RecordRejectionReason). The case profile is locked as issuance locks it,
 * and the letter is unique per case, so a redelivered or duplicated rejection issues nothing more.
 */
@Injectable()
export class IssueDecisionLetter {
  constructor(
    private readonly issuance: Issuance,
    private readonly deliveries: DeliveryRepository,
    private readonly letters: DecisionLetterRepository,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<CaseRejectedData>): Promise<void> {
    const caseNo = e.caseNo;
    // The acceptance travels on intake's stream and may not be here yet: lockProfile throws and the event is retried.
    const profile = await this.issuance.lockProfile(tx, caseNo);
    await this.letters.recordRejection(tx.manager, {
      caseNo,
      stage: e.data.stage,
      department: e.data.department,
      taskId: null,
      opinion: e.data.opinion,
      decidedAt: e.occurredAt,
    });
    if (profile.withdrawn_at || (await this.letters.existsForCase(tx.manager, caseNo))) return;

    const d = deliveryFor(profile.delivery, profile.applicant_name);
    // 就近办, as for certificates: the accepting center hands it out unless the applicant chose another.
    const pickupCenter = d.method === 'WINDOW' ? (profile.delivery?.pickupCenter ?? profile.center_code) : null;
    const delivery = await this.deliveries.add(tx.manager, { postalAddress: null, ...d, id: newId(), caseNo, pickupCenter });
    // A rejected case never had its result issued; a delivery already there means something is badly wrong: park it.
    if (!delivery) throw new Error(`case ${caseNo} already has a delivery; no decision letter issued`);

    const issuedAt = new Date();
    const letterNo = decisionLetterNo(issuedAt, await this.letters.nextSeq(tx.manager));
    await this.letters.add(tx.manager, {
      letterNo,
      caseNo,
      deliveryId: delivery.id,
      itemName: profile.item_name,
      applicantName: profile.applicant_name,
      centerCode: profile.center_code,
    });
    const departments = [...new Set((await this.letters.reasonsOf(tx.manager, caseNo)).map((r) => r.department))];
    tx.emit(Events.DecisionLetterIssued, caseNo, { letterNo, deliveryId: delivery.id, method: d.method, departments });
    tx.emit(Events.DeliveryReady, caseNo, { deliveryId: delivery.id, method: d.method });
  }
}
