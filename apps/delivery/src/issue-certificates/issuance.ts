import { Injectable } from '@nestjs/common';
import { Events } from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';
import { CaseProfileRepository, type IssuanceProfile } from '../case-profile/case-profile.repository.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { certificatesFor, deliveryFor } from './certificate-issue.js';

/**
 * The step IssueCertificates (fees settled) and ReleaseHeld (the last pending material arrived) share: the
 * certificates, and one delivery ready to go out the way the applicant asked. The profile row is locked first, so
 * duplicate or concurrent events issue once.
 */
@Injectable()
export class Issuance {
  constructor(
    private readonly profiles: CaseProfileRepository,
    private readonly certificates: CertificateRepository,
    private readonly deliveries: DeliveryRepository,
  ) {}

  /** The acceptance event travels on another stream and may not be here yet; throwing has the event retried. */
  async lockProfile(tx: Tx, caseNo: string): Promise<IssuanceProfile> {
    const profile = await this.profiles.lockAndRead(tx.manager, caseNo);
    if (!profile) throw new Error(`no case profile for case ${caseNo} yet`);
    return profile;
  }

  async issue(tx: Tx, caseNo: string, profile: IssuanceProfile): Promise<void> {
    if (await this.deliveries.existsForCase(tx.manager, caseNo)) return;
    const certificates = certificatesFor(caseNo, profile.results ?? []);
    for (const c of certificates) {
      await this.certificates.add(tx.manager, { certificate_no: c.certificateNo, case_no: caseNo, name: c.name, department: c.department });
    }
    const d = deliveryFor(profile.delivery, profile.applicant_name);
    // 就近办: a window delivery is handed out where the case was accepted, unless the applicant chose another center.
    const pickupCenter = d.method === 'WINDOW' ? (profile.delivery?.pickupCenter ?? profile.center_code) : null;
    const created = await this.deliveries.add(tx.manager, { id: newId(), caseNo, ...d, pickupCenter });
    if (!created) return;
    if (certificates.length) tx.emit(Events.CertificatesIssued, caseNo, { certificates });
    tx.emit(Events.DeliveryReady, caseNo, { deliveryId: created.id, method: d.method });
  }
}
