import { mod11_2 } from '#libs/checks';

/**
 * `{department}-{year}{type}{sequence}{check}`: SAMR-20260010000427 is the 42nd certificate of result type 001 that
 * SAMR issued in 2026. The type (3 digits) is the department's result name's number, so the number is unique per
 * result type; the check character is ISO 7064 MOD 11-2 over the 13 digits (as on an ID card: 0-9 or X), so a
 * mistyped digit is caught before anything is looked up.
 */
export function certificateNumber(department: string, year: number, typeNo: number, seq: number): string {
  if (!Number.isInteger(typeNo) || typeNo < 1 || typeNo > 999) throw new Error(`result type number out of range: ${typeNo}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new Error(`certificate sequence out of range: ${seq}`);
  const digits = `${year}${String(typeNo).padStart(3, '0')}${String(seq).padStart(6, '0')}`;
  return `${department}-${digits}${mod11_2(digits)}`;
}

const NUMBER = /^(.+)-(\d{13})([\dX])$/;

/** Whether a number has the new shape and its check character is right (numbers of before #10 have neither). */
export function hasValidCheckCharacter(no: string): boolean {
  const m = NUMBER.exec(no);
  return !!m && mod11_2(m[2]) === m[3];
}
