import { Injectable } from '@nestjs/common';
import { Events, type MaterialRef } from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';
import { CaseProfileRepository, type IssuanceProfile } from '../case-profile/case-profile.repository.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { stillPending } from '../release-held/still-pending.js';
import { certificatesFor, deliveryFor } from './certificate-issue.js';

/**
 * Once the fees are settled the result can be issued: the certificates, and one delivery ready to go out the way
 * the applicant asked. Not while a tolerant acceptance still waits for materials: then issuance is held and happens
 * when the supplement that brings the last of them arrives (either order of the two events works). Not after a
 * withdrawal. The profile row is locked, so duplicate or concurrent events issue once.
 */
@Injectable()
export class IssueCertificates {
  constructor(
    private readonly profiles: CaseProfileRepository,
    private readonly certificates: CertificateRepository,
    private readonly deliveries: DeliveryRepository,
  ) {}

  /** Fees settled (FeesSettled). */
  async execute(tx: Tx, caseNo: string): Promise<void> {
    const profile = await this.lockProfile(tx, caseNo);
    if (!profile.settled_at) await this.profiles.markSettled(tx.manager, caseNo);
    if (profile.withdrawn_at || (profile.pending_materials ?? []).length) return;
    await this.issue(tx, caseNo, profile);
  }

  /** Materials arrived (CaseSupplemented): what is still owed shrinks; the last of them releases a held issuance. */
  async release(tx: Tx, caseNo: string, pendingLeft: MaterialRef[]): Promise<void> {
    const profile = await this.lockProfile(tx, caseNo);
    const before = profile.pending_materials ?? [];
    const pending = stillPending(before, pendingLeft);
    if (pending.length !== before.length) {
      await this.profiles.setPending(tx.manager, caseNo, pending);
    }
    if (pending.length === 0 && profile.settled_at && !profile.withdrawn_at) await this.issue(tx, caseNo, profile);
  }

  private async issue(tx: Tx, caseNo: string, profile: IssuanceProfile): Promise<void> {
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

  /** The acceptance event travels on another stream and may not be here yet; throwing has the event retried. */
  private async lockProfile(tx: Tx, caseNo: string): Promise<IssuanceProfile> {
    const profile = await this.profiles.lockAndRead(tx.manager, caseNo);
    if (!profile) throw new Error(`no case profile for case ${caseNo} yet`);
    return profile;
  }
}

