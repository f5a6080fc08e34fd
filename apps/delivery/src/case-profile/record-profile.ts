import { Injectable } from '@nestjs/common';
import type { CaseAcceptedData, EventEnvelope } from '#libs/contracts';
import { maskIdNumber } from '#libs/checks';
import type { Tx } from '#libs/messaging';
import { CaseProfileRepository } from './case-profile.repository.js';
import { idHash } from './id-hash.js';

/**
 * Keeps what handing out the result will need, learnt at acceptance: what to issue, how, to whom, where (the
 * accepting center), and what the applicant still owes under tolerant acceptance (issuance waits for it).
 */
@Injectable()
export class RecordProfile {
  constructor(private readonly profiles: CaseProfileRepository) {}

  async execute(tx: Tx, e: EventEnvelope<CaseAcceptedData>): Promise<void> {
    const d = e.data;
    await this.profiles.add(tx.manager, {
      caseNo: e.caseNo,
      itemName: d.itemName,
      results: d.results ?? [],
      delivery: d.delivery ?? { method: 'WINDOW' },
      applicantName: d.applicant.name,
      idHash: idHash(e.caseNo, d.applicant.idNumber),
      centerCode: d.centerCode,
      pendingMaterials: d.pendingMaterials ?? [],
      itemCode: d.itemCode,
      holderIdMasked: maskIdNumber(d.applicant.idNumber),
    });
  }
}
