import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The case number salts the hash, so one applicant's hashes differ between cases and cannot be joined.
 * Upper-cased because the ID card check character X is typed either way.
 */
export function idHash(caseNo: string, idNumber: string): string {
  return createHash('sha256').update(`${caseNo}:${idNumber.trim().toUpperCase()}`).digest('hex');
}

/** Constant-time, so a wrong guess takes as long as a near miss. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
