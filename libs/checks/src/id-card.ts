import { mod11_2 } from './mod11-2.js';

/**
 * Resident ID number (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, MOD 11-2 check.
 * Returns why it is invalid, or null when valid.
 */
export function idCardProblem(value: string): string | null {
  const v = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return 'must be 18 characters: 17 digits and a check digit or X';
  const birth = v.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, '') !== birth || Number(birth.slice(0, 4)) < 1800 || date.getTime() > Date.now()) {
    return 'contains an impossible birth date';
  }
  if (mod11_2(v.slice(0, 17)) !== v[17]) return 'check digit does not match (GB 11643)';
  return null;
}

export function isValidIdCard(value: string): boolean {
  return idCardProblem(value) === null;
}
