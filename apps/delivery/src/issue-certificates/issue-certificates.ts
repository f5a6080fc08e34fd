import { Injectable } from '@nestjs/common';
import type { EventEnvelope, FeesSettledData } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { CaseProfileRepository } from '../case-profile/case-profile.repository.js';
import { Issuance } from './issuance.js';

/**
 * Once the fees are settled the result can be issued: the certificates, and one delivery ready to go out the way
 * the applicant asked. Not while a tolerant acceptance still waits for materials: then issuance is held and happens
 * when the supplement that brings the last of them arrives (ReleaseHeld; either order of the two events works). Not
 * after a withdrawal. The profile row is locked, so duplicate or concurrent events issue once.
 */
@Injectable()
export class IssueCertificates {
  constructor(
    private readonly profiles: CaseProfileRepository,
    private readonly issuance: Issuance,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<FeesSettledData>): Promise<void> {
    const caseNo = e.caseNo;
    const profile = await this.issuance.lockProfile(tx, caseNo);
    if (!profile.settled_at) await this.profiles.markSettled(tx.manager, caseNo);
    if (profile.withdrawn_at || (profile.pending_materials ?? []).length) return;
    await this.issuance.issue(tx, caseNo, profile);
  }
}
