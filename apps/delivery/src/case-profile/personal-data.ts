import type { ApplicantData, CaseAcceptedData, SealedPersonalData } from '#libs/contracts';
import type { PiiKeyring } from '#libs/crypto';

/**
 * The applicant and delivery contact of an acceptance: opened from sealedPersonalData (what intake publishes since
 * #11), or read in clear from an event published before it (still in JetStream for up to its retention).
 */
export function personalDataOf(keyring: PiiKeyring, d: CaseAcceptedData): SealedPersonalData {
  if (d.sealedPersonalData) return keyring.openJson<SealedPersonalData>(d.sealedPersonalData);
  return { applicant: d.applicant as ApplicantData, delivery: d.delivery ?? { method: 'WINDOW' } };
}
