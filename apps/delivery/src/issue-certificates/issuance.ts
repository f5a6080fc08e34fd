import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '#libs/calendar';
import { Events } from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';
import { CaseProfileRepository, type IssuanceProfile } from '../case-profile/case-profile.repository.js';
import { CertificateKey } from '../certificate/certificate-key.js';
import { certificateNumber } from '../certificate/certificate-number.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { certificatePayload, deliveryFor, type NewCertificate } from './certificate-issue.js';

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
    private readonly key: CertificateKey,
  ) {}

  /** The acceptance event travels on another stream and may not be here yet; throwing has the event retried. */
  async lockProfile(tx: Tx, caseNo: string): Promise<IssuanceProfile> {
    const profile = await this.profiles.lockAndRead(tx.manager, caseNo);
    if (!profile) throw new Error(`no case profile for case ${caseNo} yet`);
    return profile;
  }

  async issue(tx: Tx, caseNo: string, profile: IssuanceProfile): Promise<void> {
    if (await this.deliveries.existsForCase(tx.manager, caseNo)) return;
    const certificates = await this.issueCertificates(tx, caseNo, profile);
    const d = deliveryFor(profile.delivery, profile.applicant_name);
    // 就近办: a window delivery is handed out where the case was accepted, unless the applicant chose another center.
    const pickupCenter = d.method === 'WINDOW' ? (profile.delivery?.pickupCenter ?? profile.center_code) : null;
    const created = await this.deliveries.add(tx.manager, { id: newId(), caseNo, ...d, pickupCenter });
    if (!created) return;
    if (certificates.length) tx.emit(Events.CertificatesIssued, caseNo, { certificates });
    tx.emit(Events.DeliveryReady, caseNo, { deliveryId: created.id, method: d.method });
  }

  /**
   * One certificate per result, numbered per result type (SAMR-20260010000427), with its holder, item, validity and
   * signed payload. Issued once: the caller holds the profile lock and found no delivery yet, and (case, result) is
   * unique besides.
   */
  private async issueCertificates(tx: Tx, caseNo: string, profile: IssuanceProfile): Promise<NewCertificate[]> {
    const issuedAt = new Date();
    const year = Number(shanghaiDate(issuedAt).slice(0, 4));
    const issued: NewCertificate[] = [];
    for (const [i, result] of (profile.results ?? []).entries()) {
      const typeNo = await this.certificates.typeNo(tx.manager, result.department, result.name);
      const certificateNo = certificateNumber(result.department, year, typeNo, await this.certificates.nextSeq(tx.manager, typeNo, year));
      const payload = certificatePayload({
        certificateNo,
        result,
        itemCode: profile.item_code,
        itemName: profile.item_name,
        holderName: profile.applicant_name,
        holderIdMasked: profile.holder_id_masked,
        issuedAt,
        kid: this.key.kid,
      });
      const added = await this.certificates.add(tx.manager, {
        certificate_no: certificateNo,
        case_no: caseNo,
        name: result.name,
        department: result.department,
        result_index: i,
        item_code: profile.item_code,
        item_name: profile.item_name,
        holder_name: profile.applicant_name,
        holder_id_masked: profile.holder_id_masked,
        issued_at: issuedAt,
        valid_until: payload.validUntil ?? null,
        signed_payload: this.key.sign(payload),
        key_id: this.key.kid,
      });
      if (added) issued.push({ certificateNo, name: result.name, department: result.department });
    }
    return issued;
  }
}
