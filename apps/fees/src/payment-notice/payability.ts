import { AppError, ErrorCodes } from '#libs/contracts';
import { statusOf, outstandingFen } from './notice-view.js';
import type { NoticeRow } from './notice.repository.js';

export type Unpayable = 'UNKNOWN_NOTICE' | 'ALREADY_PAID' | 'NOT_PAYABLE' | 'EXPIRED' | 'AMOUNT_MISMATCH';

/**
 * Whether this amount can settle this notice now, for the finance window and a bank alike: an UNPAID notice before
 * its expiry, for exactly what it asks (one payment settles a notice).
 */
export function whyUnpayable(notice: NoticeRow | undefined, amountFen: number, now: Date): Unpayable | null {
  if (!notice) return 'UNKNOWN_NOTICE';
  const status = statusOf(notice, now);
  if (status === 'PAID' || status === 'REFUND_DUE' || status === 'REFUNDED') return 'ALREADY_PAID';
  if (status === 'VOID') return 'NOT_PAYABLE';
  if (status === 'EXPIRED') return 'EXPIRED';
  return amountFen === outstandingFen(notice) ? null : 'AMOUNT_MISMATCH';
}

/** The error a caller sees for each reason; the same codes at the window and on the callback. */
export function unpayableError(why: Unpayable, noticeNo: string, notice: NoticeRow | undefined, amountFen: number, now: Date): AppError {
  switch (why) {
    case 'UNKNOWN_NOTICE':
      return AppError.notFound(ErrorCodes.NOTICE_NOT_FOUND, `Payment notice ${noticeNo} does not exist.`);
    case 'ALREADY_PAID':
    case 'NOT_PAYABLE': {
      // One code for both, as clients have always had it; the status (and a callback's outcome) tells them apart.
      const status = statusOf(notice!, now);
      return AppError.conflict(ErrorCodes.NOTICE_NOT_PAYABLE, `Payment notice ${noticeNo} is ${status} and cannot be paid.`, { status, replacedBy: notice!.replaced_by ?? undefined });
    }
    case 'EXPIRED':
      return new AppError(ErrorCodes.NOTICE_EXPIRED, `Payment notice ${noticeNo} expired; the finance window reissues it.`, 422, { expiredAt: notice!.expires_at });
    case 'AMOUNT_MISMATCH':
      return AppError.invalid(
        ErrorCodes.PAYMENT_AMOUNT_MISMATCH,
        [{ field: 'amountFen', rule: 'equalsOutstanding', message: `the amount must be the ${outstandingFen(notice!)} fen outstanding; got ${amountFen}` }],
        'The amount is not what the notice asks for.',
      );
  }
}
