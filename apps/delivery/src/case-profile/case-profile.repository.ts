import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeliveryPreference, MaterialRef, ResultSpec } from '#libs/contracts';
import { DELIVERY_CONTACT_FIELDS, openFields, PiiKeyring, sealFields } from '#libs/crypto';
import { queryOne } from '#libs/persistence';

/** What issuance reads of a case profile. */
export interface IssuanceProfile {
  results: ResultSpec[];
  delivery: DeliveryPreference | null;
  applicant_name: string;
  center_code: string;
  pending_materials: MaterialRef[];
  settled_at: Date | null;
  withdrawn_at: Date | null;
  /** For the certificates (#10): the item, and the holder's ID number masked; null on profiles of before. */
  item_code: string | null;
  item_name: string;
  holder_id_masked: string | null;
}

export interface NewCaseProfile {
  caseNo: string;
  itemName: string;
  results: ResultSpec[];
  delivery: Partial<DeliveryPreference>;
  applicantName: string;
  idHash: string;
  centerCode: string;
  pendingMaterials: MaterialRef[];
  itemCode: string;
  holderIdMasked: string;
}

/** delivery.case_profiles: what handing out a case's result needs, learnt at acceptance and kept up to date. */
@Injectable()
export class CaseProfileRepository {
  /** The delivery contact (phone, address, postal address) is kept sealed; id_hash is a keyed HMAC (idLookup). */
  constructor(private readonly keyring: PiiKeyring) {}

  /** The first profile of a case stands; a redelivered acceptance changes nothing. */
  async add(m: EntityManager, p: NewCaseProfile): Promise<void> {
    await m.query(
      `INSERT INTO delivery.case_profiles (case_no, item_name, results, delivery, applicant_name, id_hash, center_code, pending_materials, item_code, holder_id_masked)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8::jsonb, $9, $10) ON CONFLICT (case_no) DO NOTHING`,
      [
        p.caseNo, p.itemName, JSON.stringify(p.results), JSON.stringify(sealFields(this.keyring, p.delivery, DELIVERY_CONTACT_FIELDS)), p.applicantName, p.idHash, p.centerCode, JSON.stringify(p.pendingMaterials),
        p.itemCode, p.holderIdMasked,
      ],
    );
  }

  /** Locks the profile for the rest of the transaction and reads what issuance needs. */
  async lockAndRead(m: EntityManager, caseNo: string): Promise<IssuanceProfile | undefined> {
    const p = await queryOne<IssuanceProfile>(
      m,
      `SELECT results, delivery, applicant_name, center_code, pending_materials, settled_at, withdrawn_at, item_code, item_name, holder_id_masked
         FROM delivery.case_profiles WHERE case_no = $1 FOR UPDATE`,
      [caseNo],
    );
    return p && { ...p, delivery: openFields(this.keyring, p.delivery, DELIVERY_CONTACT_FIELDS) ?? null };
  }

  /** Locks the profile for the rest of the transaction; false when there is none (yet). */
  async lock(m: EntityManager, caseNo: string): Promise<boolean> {
    return !!(await queryOne(m, `SELECT 1 FROM delivery.case_profiles WHERE case_no = $1 FOR UPDATE`, [caseNo]));
  }

  /** Who may collect the result at the window: the hash of their ID number, and their name. */
  applicant(m: EntityManager, caseNo: string): Promise<{ id_hash: string; applicant_name: string } | undefined> {
    return queryOne<{ id_hash: string; applicant_name: string }>(m, `SELECT id_hash, applicant_name FROM delivery.case_profiles WHERE case_no = $1`, [
      caseNo,
    ]);
  }

  async markSettled(m: EntityManager, caseNo: string): Promise<void> {
    await m.query(`UPDATE delivery.case_profiles SET settled_at = now() WHERE case_no = $1`, [caseNo]);
  }

  /** The first withdrawal time stands. */
  async markWithdrawn(m: EntityManager, caseNo: string, at: string): Promise<void> {
    await m.query(`UPDATE delivery.case_profiles SET withdrawn_at = COALESCE(withdrawn_at, $2) WHERE case_no = $1`, [caseNo, at]);
  }

  async setPending(m: EntityManager, caseNo: string, pending: MaterialRef[]): Promise<void> {
    await m.query(`UPDATE delivery.case_profiles SET pending_materials = $2::jsonb WHERE case_no = $1`, [caseNo, JSON.stringify(pending)]);
  }
}
