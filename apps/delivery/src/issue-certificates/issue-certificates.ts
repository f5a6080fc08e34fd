import { Injectable } from '@nestjs/common';
import {
  Events,
  type CertificatesIssuedData,
  type DeliveryPreference,
  type DeliveryReadyData,
  type ResultSpec,
} from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';
import { queryOne, queryRows } from '#libs/persistence';
import { certificatesFor, deliveryFor } from './certificate-issue.js';

interface ProfileRow {
  results: ResultSpec[];
  delivery: DeliveryPreference | null;
  applicant_name: string;
}

/**
 * Once the fees are settled the result can be issued: the certificates, and one delivery ready to go out the way
 * the applicant asked. The profile row is locked, so a duplicate or concurrent settlement issues once.
 */
@Injectable()
export class IssueCertificates {
  async execute(tx: Tx, caseNo: string): Promise<void> {
    const profile = await queryOne<ProfileRow>(
      tx.manager,
      `SELECT results, delivery, applicant_name FROM delivery.case_profiles WHERE case_no = $1 FOR UPDATE`,
      [caseNo],
    );
    // The acceptance event travels on another stream and may not be here yet; throwing makes the settlement retry.
    if (!profile) throw new Error(`no case profile for case ${caseNo} yet`);
    if (await queryOne(tx.manager, `SELECT 1 FROM delivery.deliveries WHERE case_no = $1`, [caseNo])) return;

    const certificates = certificatesFor(caseNo, profile.results ?? []);
    for (const c of certificates) {
      await tx.manager.query(
        `INSERT INTO delivery.certificates (certificate_no, case_no, name, department) VALUES ($1, $2, $3, $4)
         ON CONFLICT (certificate_no) DO NOTHING`,
        [c.certificateNo, caseNo, c.name, c.department],
      );
    }
    const d = deliveryFor(profile.delivery, profile.applicant_name);
    const [created] = await queryRows<{ id: string }>(
      tx.manager,
      `INSERT INTO delivery.deliveries (id, case_no, method, status, pickup_code, recipient, phone, address)
       VALUES ($1, $2, $3, 'READY', $4, $5, $6, $7) ON CONFLICT (case_no) DO NOTHING RETURNING id`,
      [newId(), caseNo, d.method, d.pickupCode, d.recipient, d.phone, d.address],
    );
    if (!created) return;
    if (certificates.length) tx.emit<CertificatesIssuedData>(Events.CertificatesIssued, caseNo, { certificates });
    tx.emit<DeliveryReadyData>(Events.DeliveryReady, caseNo, { deliveryId: created.id, method: d.method });
  }
}
