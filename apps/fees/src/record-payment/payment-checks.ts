import type { Problem, RecordPaymentRequest } from '#libs/contracts';

const TEXT_LIMITS: Record<'noticeNo' | 'channel' | 'reference', number> = { noticeNo: 32, channel: 32, reference: 128 };

/** Every problem with the request's shape at once; the amount is judged against the notice later. */
export function paymentRequestProblems(data: Partial<RecordPaymentRequest> | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const [field, max] of Object.entries(TEXT_LIMITS)) {
    const v = (data as Record<string, unknown> | undefined)?.[field];
    if (typeof v !== 'string' || v.trim() === '') problems.push({ field, rule: 'required', message: `${field} is required` });
    else if (v.length > max) problems.push({ field, rule: 'maxLength', message: `${field} is at most ${max} characters` });
  }
  if (typeof data?.amountFen !== 'number') problems.push({ field: 'amountFen', rule: 'required', message: 'amountFen is required, in fen' });
  return problems;
}

/**
 * One payment settles a notice in this version, so the amount must be exactly what is outstanding, in whole fen.
 * A fractional amount can never match and is answered the same way.
 */
export function amountProblem(amountFen: number, outstandingFen: number): Problem | null {
  if (Number.isSafeInteger(amountFen) && amountFen === outstandingFen) return null;
  return {
    field: 'amountFen',
    rule: 'equalsOutstanding',
    message: `the amount must be the ${outstandingFen} fen outstanding, in whole fen; got ${amountFen}`,
  };
}
