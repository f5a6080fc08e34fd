import { shanghaiDate } from '#libs/calendar';
import { mod11_2 } from '#libs/checks';

/**
 * 不予许可决定书 numbers: 'JD' (决定书; intake's 不予受理 refusals are BY…) + the Shanghai issue date + a database sequence value (at least six digits, never
 * reset, so it widens instead of wrapping) + a MOD 11-2 check character, as payment notices and case numbers have:
 * a number read out over the phone or typed into a 行政复议 application is checked for a slip of the finger.
 */
export function decisionLetterNo(issuedAt: Date, seq: number | string): string {
  const digits = `${shanghaiDate(issuedAt).replaceAll('-', '')}${String(seq).padStart(6, '0')}`;
  return `JD${digits}${mod11_2(digits)}`;
}

/** True when the number has the shape above and its check character matches its digits. */
export function isDecisionLetterNo(letterNo: string): boolean {
  const m = /^JD(\d{14,})([\dX])$/.exec(letterNo);
  return !!m && mod11_2(m[1]) === m[2];
}
