import { sameSecret } from '../case-profile/id-hash.js';

/** Wrong guesses allowed before a window delivery is locked: a six-digit code must not be guessable by trying. */
export const MAX_FAILED_PICKUPS = 5;

/** Both checks always run, so neither the answer nor its timing tells which one failed. */
export function pickupMatches(
  stored: { caseNo: string; pickupCode: string | null; idHash: string },
  given: { pickupCode: string; idNumber: string },
  /** The keyed lookup hash of an ID number for a case (idLookup with the service's keyring). */
  lookup: (caseNo: string, idNumber: string) => string,
): boolean {
  const codeOk = sameSecret(given.pickupCode.trim(), stored.pickupCode ?? '');
  const idOk = sameSecret(lookup(stored.caseNo, given.idNumber), stored.idHash);
  return codeOk && idOk && stored.pickupCode !== null;
}

/** Collected at the window: a WINDOW delivery that is READY, or a courier one the carrier could not deliver. */
export function awaitsWindowPickup(row: { method: string; status: string }): boolean {
  return (row.method === 'WINDOW' && row.status === 'READY') || row.status === 'RETURNED_TO_WINDOW';
}

/** 委托代领: the ID card shown (idNumber) must be the proxy's own, as named in the request. */
export function proxyIdProblem(shown: string, proxyIdNumber: string): string | undefined {
  return shown.trim().toUpperCase() === proxyIdNumber.trim().toUpperCase() ? undefined : "idNumber must be the proxy's own ID number (proxy.idNumber) when a proxy collects";
}

/**
 * A proxy brings the pickup code the applicant passed on, and their own ID card (checked against proxy.idNumber
 * before this); the applicant's ID is not asked for. The code is then the whole secret: it counts failures alike.
 */
export function proxyPickupMatches(stored: { pickupCode: string | null }, given: { pickupCode: string }): boolean {
  const codeOk = sameSecret(given.pickupCode.trim(), stored.pickupCode ?? '');
  return codeOk && stored.pickupCode !== null;
}
