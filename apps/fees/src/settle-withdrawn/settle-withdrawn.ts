import { Injectable } from '@nestjs/common';
import type { CaseWithdrawnData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryOne } from '#libs/persistence';

/**
 * The applicant withdrew the case. Its assessment is marked, so a later approval issues no notice; an UNPAID notice
 * is voided (no longer payable) and a PAID one becomes REFUND_DUE, which is the record that the money is owed back.
 * The assessment row is locked first, as IssueNotice does, so a concurrent approval and withdrawal act in turn.
 */
@Injectable()
export class SettleWithdrawn {
  async run(e: EventEnvelope<CaseWithdrawnData>, tx: Tx): Promise<void> {
    const assessment = await queryOne(tx.manager, `SELECT 1 FROM fees.assessments WHERE case_no = $1 FOR UPDATE`, [e.caseNo]);
    // The acceptance event travels on the same stream but another consumer; throwing has the withdrawal retried.
    if (!assessment) throw new Error(`no fee assessment for case ${e.caseNo} yet`);
    await tx.manager.query(`UPDATE fees.assessments SET withdrawn_at = COALESCE(withdrawn_at, $2) WHERE case_no = $1`, [e.caseNo, e.occurredAt]);
    await tx.manager.query(
      `UPDATE fees.payment_notices
          SET status = CASE status WHEN 'UNPAID' THEN 'VOID' ELSE 'REFUND_DUE' END,
              closed_at = now(), close_reason = $2, version = version + 1
        WHERE case_no = $1 AND status IN ('UNPAID', 'PAID')`,
      [e.caseNo, `withdrawn: ${e.data.reason}`],
    );
  }
}
