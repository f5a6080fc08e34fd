import { AppError, ErrorCodes } from '#libs/contracts';

/** The case number of a `{caseNo}` query, trimmed; 422 when there is none. */
export function caseNoOf(query: { caseNo?: string } | undefined): string {
  const caseNo = query?.caseNo;
  if (typeof caseNo !== 'string' || caseNo.trim() === '') {
    throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required' }]);
  }
  return caseNo.trim();
}
