import { Injectable } from '@nestjs/common';
import type { CaseAcceptedData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { idHash } from './id-hash.js';

/**
 * Keeps what handing out the result will need, learnt at acceptance: what to issue, how, to whom, where (the
 * accepting center), and what the applicant still owes under tolerant acceptance (issuance waits for it).
 */
@Injectable()
export class RecordProfile {
  async execute(tx: Tx, e: EventEnvelope<CaseAcceptedData>): Promise<void> {
    const d = e.data;
    await tx.manager.query(
      `INSERT INTO delivery.case_profiles (case_no, item_name, results, delivery, applicant_name, id_hash, center_code, pending_materials)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8::jsonb) ON CONFLICT (case_no) DO NOTHING`,
      [
        e.caseNo,
        d.itemName,
        JSON.stringify(d.results ?? []),
        JSON.stringify(d.delivery ?? { method: 'WINDOW' }),
        d.applicant.name,
        idHash(e.caseNo, d.applicant.idNumber),
        d.centerCode,
        JSON.stringify(d.pendingMaterials ?? []),
      ],
    );
  }
}
