import { shanghaiDate } from '#libs/calendar';
import { mod11_2 } from '#libs/checks';

/**
 * 'PN' + the Shanghai issue date + a database sequence value + a MOD 11-2 check character (as case numbers and ID
 * numbers): the applicant quotes it at a bank, and a mistyped digit is caught there, not paid to a stranger's notice.
 * The sequence is never reset, so the number widens past 999999 instead of wrapping into a duplicate.
 */
export function paymentNoticeNo(issuedAt: Date, seq: number | string): string {
  return feeDocumentNo('PN', issuedAt, seq);
}

/** The same scheme for refunds (RF…): a number finance staff read out over the phone to a bank. */
export function refundNo(at: Date, seq: number | string): string {
  return feeDocumentNo('RF', at, seq);
}

function feeDocumentNo(prefix: string, at: Date, seq: number | string): string {
  const digits = `${shanghaiDate(at).replaceAll('-', '')}${String(seq).padStart(6, '0')}`;
  return `${prefix}${digits}${mod11_2(digits)}`;
}

/** True when the number's check character matches its digits (a notice issued before check characters has none). */
export function hasValidCheckCharacter(noticeNo: string): boolean {
  const m = /^PN(\d{14,})([\dX])$/.exec(noticeNo);
  return !!m && mod11_2(m[1]) === m[2];
}

/** What a notice number looks like, with or without the check character (numbers issued before it had none). */
export const NOTICE_NO = /^PN\d{14,21}[\dX]?$/;
