import { Injectable } from '@nestjs/common';
import type { CaseAcceptedData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { AssessmentRepository } from '../assessment/assessment.repository.js';
import { applicantCategoriesOf, assessFees, totalFen } from '#libs/fee-rules';

/**
 * Prices a case at acceptance, with the rules the case was accepted under; the notice is made from this
 * assessment when the case is approved, so a later catalog change cannot alter what the applicant owes.
 */
@Injectable()
export class AssessFees {
  constructor(private readonly assessments: AssessmentRepository) {}

  async execute(tx: Tx, e: EventEnvelope<CaseAcceptedData>): Promise<void> {
    const form = e.data.form ?? {};
    const lines = assessFees(e.data.fees ?? [], form, applicantCategoriesOf(form), e.data.formFields ?? []);
    await this.assessments.add(tx.manager, e.caseNo, lines, totalFen(lines), {
      itemCode: e.data.itemCode,
      itemName: e.data.itemName,
      itemVersion: e.data.itemVersion,
      centerCode: e.data.centerCode,
    });
  }
}
