import { AppError, ErrorCodes } from '#libs/contracts';

/** The gateway validates requests at the edge; this only keeps a malformed request from reaching SQL. */
export function caseNoOf(query: unknown): string {
  const caseNo = (query as { caseNo?: unknown } | null)?.caseNo;
  if (typeof caseNo === 'string' && caseNo.trim()) return caseNo.trim();
  throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required.' }]);
}

export function caseNotFound(caseNo: string): AppError {
  return AppError.notFound(ErrorCodes.CASE_NOT_FOUND, `No case ${caseNo} is known to routing.`);
}
