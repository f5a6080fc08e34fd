import { Injectable } from '@nestjs/common';
import type { CaseSupplementedData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { CaseProfileRepository } from '../case-profile/case-profile.repository.js';
import { Issuance } from '../issue-certificates/issuance.js';
import { stillPending } from './still-pending.js';

/**
 * 容缺受理: materials arrived (CaseSupplemented), so what is still owed shrinks; the supplement that brings the last
 * of them releases an issuance held since the fees settled.
 */
@Injectable()
export class ReleaseHeld {
  constructor(
    private readonly profiles: CaseProfileRepository,
    private readonly issuance: Issuance,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<CaseSupplementedData>): Promise<void> {
    const caseNo = e.caseNo;
    const profile = await this.issuance.lockProfile(tx, caseNo);
    const before = profile.pending_materials ?? [];
    const pending = stillPending(before, e.data.pendingLeft ?? []);
    if (pending.length !== before.length) {
      await this.profiles.setPending(tx.manager, caseNo, pending);
    }
    if (pending.length === 0 && profile.settled_at && !profile.withdrawn_at) await this.issuance.issue(tx, caseNo, profile);
  }
}
