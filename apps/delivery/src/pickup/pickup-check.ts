import { idHash, sameSecret } from '../case-profile/id-hash.js';

/** Wrong guesses allowed before a window delivery is locked: a six-digit code must not be guessable by trying. */
export const MAX_FAILED_PICKUPS = 5;

/** Both checks always run, so neither the answer nor its timing tells which one failed. */
export function pickupMatches(
  stored: { caseNo: string; pickupCode: string | null; idHash: string },
  given: { pickupCode: string; idNumber: string },
): boolean {
  const codeOk = sameSecret(given.pickupCode.trim(), stored.pickupCode ?? '');
  const idOk = sameSecret(idHash(stored.caseNo, given.idNumber), stored.idHash);
  return codeOk && idOk && stored.pickupCode !== null;
}
