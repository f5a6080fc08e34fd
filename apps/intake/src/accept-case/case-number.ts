import { mod11_2 } from '#libs/checks';

/**
 * Case number (办件编号, 一事一号): 6-digit region + 8-digit acceptance date (Asia/Shanghai) + 6-digit daily sequence
 * + an ISO 7064 MOD 11-2 check character, e.g. 510704 20261123 000042 7 → `510704202611230000427`.
 * 21 characters; the check character catches a mistyped digit or two swapped digits at the counter.
 */
export function formatCaseNo(region: string, date: string, seq: number): string {
  if (!/^\d{6}$/.test(region)) throw new Error(`region must be 6 digits, got ${region}`);
  if (seq < 1 || seq > 999_999) throw new Error(`daily sequence out of range: ${seq}`);
  const body = `${region}${date.replace(/-/g, '')}${String(seq).padStart(6, '0')}`;
  return body + mod11_2(body);
}

export function isValidCaseNo(caseNo: string): boolean {
  return /^\d{20}[\dX]$/.test(caseNo) && mod11_2(caseNo.slice(0, 20)) === caseNo[20];
}
