import { Injectable } from '@nestjs/common';
import type { VerifyApplicantReply, VerifyApplicantRequest } from '#libs/contracts';
import { CaseRepository } from '../case/case.repository.js';

/** The public status check: the case number plus the last four characters of the applicant's ID number. */
@Injectable()
export class VerifyApplicant {
  constructor(private readonly cases: CaseRepository) {}

  async execute(query: VerifyApplicantRequest): Promise<VerifyApplicantReply> {
    const idTail = String(query.idTail ?? '');
    const idNumber = await this.cases.applicantIdNumber(String(query.caseNo ?? ''));
    return { match: idNumber !== undefined && idTail.length >= 4 && idNumber.toUpperCase().endsWith(idTail.toUpperCase()) };
  }
}
