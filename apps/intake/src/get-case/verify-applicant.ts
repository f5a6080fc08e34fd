import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { checkCommand, ID_TAIL_LENGTH, VerifyApplicantSchema, type VerifyApplicantReply, type VerifyApplicantRequest } from '#libs/contracts';
import { CaseRepository } from '../case/case.repository.js';

/**
 * The public status check: the case number plus the last six characters of the applicant's ID number (or credit
 * code), case-insensitive (the ID card's check character X is typed either way). A tail that breaks the rule is a 422
 * listing it (the gateway answers the same rule with a 400 before asking); a wrong one or an unknown case is
 * `{match: false}` alike. The lockout after repeated wrong tails is the gateway's (gateway.public_lookup_failures).
 */
@Injectable()
export class VerifyApplicant {
  constructor(private readonly cases: CaseRepository) {}

  async execute(query: VerifyApplicantRequest): Promise<VerifyApplicantReply> {
    const q = checkCommand(VerifyApplicantSchema, query);
    const idNumber = await this.cases.applicantIdNumber(q.caseNo);
    if (idNumber === undefined || idNumber.length < ID_TAIL_LENGTH) return { match: false };
    const expected = Buffer.from(idNumber.slice(-ID_TAIL_LENGTH).toUpperCase());
    const given = Buffer.from(q.idTail.toUpperCase());
    return { match: expected.length === given.length && timingSafeEqual(expected, given) };
  }
}
