import { shanghaiDate } from '#libs/calendar';
import { mod11_2 } from '#libs/checks';

/**
 * A waybill number the center assigns when the carrier gave none: 'OW' + the Shanghai date + an 8-digit sequence
 * value (never reset, so it widens instead of wrapping) + a MOD 11-2 check character, as notice and case numbers:
 * a digit mistyped at the carrier's counter is caught.
 */
export function newWaybillNo(at: Date, seq: number | string): string {
  const digits = `${shanghaiDate(at).replaceAll('-', '')}${String(seq).padStart(8, '0')}`;
  return `OW${digits}${mod11_2(digits)}`;
}

/** True when a center-assigned waybill number's check character matches its digits. */
export function isValidWaybillNo(no: string): boolean {
  const m = /^OW(\d{16,})([\dX])$/.exec(no);
  return !!m && mod11_2(m[1]) === m[2];
}
