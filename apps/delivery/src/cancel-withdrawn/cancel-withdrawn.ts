import { Injectable } from '@nestjs/common';
import type { CaseWithdrawnData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryOne } from '#libs/persistence';

/**
 * The applicant withdrew the case: a delivery waiting at the window or the courier desk (READY) is cancelled and its
 * pickup code stops working; no issuance happens later. One already dispatched or delivered is left as it is. The
 * profile row is locked as issuance locks it, so a withdrawal and a settlement at the same moment act in turn.
 */
@Injectable()
export class CancelWithdrawn {
  async run(tx: Tx, e: EventEnvelope<CaseWithdrawnData>): Promise<void> {
    const profile = await queryOne(tx.manager, `SELECT 1 FROM delivery.case_profiles WHERE case_no = $1 FOR UPDATE`, [e.caseNo]);
    if (!profile) throw new Error(`no case profile for case ${e.caseNo} yet`);
    await tx.manager.query(`UPDATE delivery.case_profiles SET withdrawn_at = COALESCE(withdrawn_at, $2) WHERE case_no = $1`, [e.caseNo, e.occurredAt]);
    await tx.manager.query(
      `UPDATE delivery.deliveries SET status = 'CANCELLED', cancelled_at = now(), cancel_reason = $2, version = version + 1
        WHERE case_no = $1 AND status = 'READY'`,
      [e.caseNo, `withdrawn: ${e.data.reason}`],
    );
  }
}
