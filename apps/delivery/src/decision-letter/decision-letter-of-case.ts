import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, type DecisionLetterView } from '#libs/contracts';
import { DataSource } from 'typeorm';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { caseNoOf } from '../query-deliveries/case-no-query.js';
import { DecisionLetterRepository } from './decision-letter.repository.js';
import { REMEDIES } from './remedies.js';

/**
 * A case's decision letter for printing: the number, the case, the addressee, every department's reason (read now,
 * so a rejection that came in after issue is on the paper too), the remedies, and where the letter is (its delivery).
 */
@Injectable()
export class DecisionLetterOfCase {
  constructor(
    private readonly ds: DataSource,
    private readonly letters: DecisionLetterRepository,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async execute(query: { caseNo?: string } | undefined): Promise<DecisionLetterView> {
    const caseNo = caseNoOf(query);
    const letter = await this.letters.ofCase(caseNo);
    if (!letter) throw AppError.notFound(ErrorCodes.DECISION_LETTER_NOT_FOUND, `No decision letter for case ${caseNo}.`);
    const [reasons, deliveries] = await Promise.all([this.letters.reasonsOf(this.ds.manager, caseNo), this.deliveries.ofCase(caseNo)]);
    const delivery = deliveries.find((d) => d.id === letter.delivery_id);
    return {
      letterNo: letter.letter_no,
      caseNo: letter.case_no,
      itemName: letter.item_name,
      applicantName: letter.applicant_name,
      centerCode: letter.center_code,
      issuedAt: toShanghai(letter.issued_at)!,
      reasons: reasons.map((r) => ({ stage: r.stage, department: r.department, reason: r.opinion, decidedAt: toShanghai(r.decided_at)! })),
      remedies: [...REMEDIES],
      delivery: {
        deliveryId: letter.delivery_id,
        method: delivery?.method ?? 'WINDOW',
        status: delivery?.status ?? 'READY',
        ...(delivery?.pickup_center ? { pickupCenter: delivery.pickup_center } : {}),
      },
    };
  }
}
