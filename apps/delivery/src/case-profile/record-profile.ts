import { Injectable } from '@nestjs/common';
import type { CaseAcceptedData, EventEnvelope } from '#libs/contracts';
import { maskIdNumber } from '#libs/checks';
import { PiiKeyring } from '#libs/crypto';
import type { Tx } from '#libs/messaging';
import { CaseProfileRepository } from './case-profile.repository.js';
import { idLookup } from './id-hash.js';
import { personalDataOf } from './personal-data.js';

/**
 * Keeps what handing out the result will need, learnt at acceptance: what to issue, how, to whom, where (the
 * accepting center), and what the applicant still owes under tolerant acceptance (issuance waits for it).
 */
@Injectable()
export class RecordProfile {
  constructor(
    private readonly profiles: CaseProfileRepository,
    private readonly keyring: PiiKeyring,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<CaseAcceptedData>): Promise<void> {
    const d = e.data;
    const { applicant, delivery } = personalDataOf(this.keyring, d);
    await this.profiles.add(tx.manager, {
      caseNo: e.caseNo,
      itemName: d.itemName,
      results: d.results ?? [],
      delivery,
      applicantName: applicant.name,
      idHash: idLookup(this.keyring, e.caseNo, applicant.idNumber),
      centerCode: d.centerCode,
      pendingMaterials: d.pendingMaterials ?? [],
      itemCode: d.itemCode,
      holderIdMasked: maskIdNumber(applicant.idNumber),
    });
  }
}
