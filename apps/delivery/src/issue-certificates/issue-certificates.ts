import { Injectable } from '@nestjs/common';
import {
  Events,
  type CertificatesIssuedData,
  type DeliveryPreference,
  type DeliveryReadyData,
  type MaterialRef,
  type ResultSpec,
} from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';
import { queryOne, queryRows } from '#libs/persistence';
import { stillPending } from '../release-held/still-pending.js';
import { certificatesFor, deliveryFor } from './certificate-issue.js';

interface ProfileRow {
  results: ResultSpec[];
  delivery: DeliveryPreference | null;
  applicant_name: string;
  center_code: string;
  pending_materials: MaterialRef[];
  settled_at: Date | null;
  withdrawn_at: Date | null;
}

/**
 * Once the fees are settled the result can be issued: the certificates, and one delivery ready to go out the way
 * the applicant asked. Not while a tolerant acceptance still waits for materials: then issuance is held and happens
 * when the supplement that brings the last of them arrives (either order of the two events works). Not after a
 * withdrawal. The profile row is locked, so duplicate or concurrent events issue once.
 */
@Injectable()
export class IssueCertificates {
  /** Fees settled (FeesSettled). */
  async execute(tx: Tx, caseNo: string): Promise<void> {
    const profile = await lockProfile(tx, caseNo);
    if (!profile.settled_at) await tx.manager.query(`UPDATE delivery.case_profiles SET settled_at = now() WHERE case_no = $1`, [caseNo]);
    if (profile.withdrawn_at || (profile.pending_materials ?? []).length) return;
    await this.issue(tx, caseNo, profile);
  }

  /** Materials arrived (CaseSupplemented): what is still owed shrinks; the last of them releases a held issuance. */
  async release(tx: Tx, caseNo: string, pendingLeft: MaterialRef[]): Promise<void> {
    const profile = await lockProfile(tx, caseNo);
    const before = profile.pending_materials ?? [];
    const pending = stillPending(before, pendingLeft);
    if (pending.length !== before.length) {
      await tx.manager.query(`UPDATE delivery.case_profiles SET pending_materials = $2::jsonb WHERE case_no = $1`, [caseNo, JSON.stringify(pending)]);
    }
    if (pending.length === 0 && profile.settled_at && !profile.withdrawn_at) await this.issue(tx, caseNo, profile);
  }

  private async issue(tx: Tx, caseNo: string, profile: ProfileRow): Promise<void> {
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
    // 就近办: a window delivery is handed out where the case was accepted, unless the applicant chose another center.
    const pickupCenter = d.method === 'WINDOW' ? (profile.delivery?.pickupCenter ?? profile.center_code) : null;
    const [created] = await queryRows<{ id: string }>(
      tx.manager,
      `INSERT INTO delivery.deliveries (id, case_no, method, status, pickup_code, recipient, phone, address, pickup_center)
       VALUES ($1, $2, $3, 'READY', $4, $5, $6, $7, $8) ON CONFLICT (case_no) DO NOTHING RETURNING id`,
      [newId(), caseNo, d.method, d.pickupCode, d.recipient, d.phone, d.address, pickupCenter],
    );
    if (!created) return;
    if (certificates.length) tx.emit<CertificatesIssuedData>(Events.CertificatesIssued, caseNo, { certificates });
    tx.emit<DeliveryReadyData>(Events.DeliveryReady, caseNo, { deliveryId: created.id, method: d.method });
  }
}

/** The acceptance event travels on another stream and may not be here yet; throwing has the event retried. */
async function lockProfile(tx: Tx, caseNo: string): Promise<ProfileRow> {
  const profile = await queryOne<ProfileRow>(
    tx.manager,
    `SELECT results, delivery, applicant_name, center_code, pending_materials, settled_at, withdrawn_at
       FROM delivery.case_profiles WHERE case_no = $1 FOR UPDATE`,
    [caseNo],
  );
  if (!profile) throw new Error(`no case profile for case ${caseNo} yet`);
  return profile;
}
