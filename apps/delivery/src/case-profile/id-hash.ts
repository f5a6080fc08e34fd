import { createHash, timingSafeEqual } from 'node:crypto';
import type { PiiKeyring } from '#libs/crypto';

/**
 * The case number salts the hash, so one applicant's hashes differ between cases and cannot be joined.
 * Upper-cased because the ID card check character X is typed either way.
 */
export function idHash(caseNo: string, idNumber: string): string {
  return createHash('sha256').update(`${caseNo}:${idNumber.trim().toUpperCase()}`).digest('hex');
}

/**
 * What delivery.case_profiles.id_hash keeps since #11: the keyed HMAC (the lookup key of PII_KEYS) of idHash, so a
 * leaked table cannot be brute-forced back to ID numbers without the key. Over idHash rather than the ID itself, so
 * the migration re-keys the hashes kept before without knowing a single ID number.
 */
export function idLookup(keyring: PiiKeyring, caseNo: string, idNumber: string): string {
  return keyring.lookup('delivery.pickup-id', idHash(caseNo, idNumber));
}

/** A hash kept before #11 (unkeyed SHA-256 hex) re-keyed to what idLookup gives for the same case and ID. */
export function rekeyIdHash(keyring: PiiKeyring, oldHash: string): string {
  return keyring.lookup('delivery.pickup-id', oldHash);
}

/** Constant-time, so a wrong guess takes as long as a near miss. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
