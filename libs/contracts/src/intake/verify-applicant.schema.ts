import { IsString, Matches, MaxLength } from 'class-validator';

/** The applicant proves it is their case with the last 6 characters of the ID number (or credit code). */
export const ID_TAIL_LENGTH = 6;
export const APPLICANT_ID_TAIL = /^[0-9A-Za-z]{6}$/;

/** GET /public/cases/{caseNo}?idTail=: the query's rules (the gateway's PublicCaseQuery extends it). */
export class PublicCaseQuerySchema {
  @Matches(APPLICANT_ID_TAIL, { message: `idTail must be the last ${ID_TAIL_LENGTH} characters of the ID number (letters and digits only)` })
  idTail: string;
}

/** rpc.intake.case.verify-applicant {caseNo, idTail}: the same rule where intake answers it. */
export class VerifyApplicantSchema extends PublicCaseQuerySchema {
  @IsString()
  @MaxLength(64)
  caseNo: string;
}
