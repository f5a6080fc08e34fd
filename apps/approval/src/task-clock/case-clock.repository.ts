import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryOne } from '#libs/persistence';

/** approval.case_clocks: the case's legal deadline as routing last announced it (StageOpened, then CaseResumed). */
@Injectable()
export class CaseClockRepository {
  /** Only ever moves later; an event that carries no deadline leaves it as it is. */
  async rememberLegalDeadline(m: EntityManager, caseNo: string, legalDeadline: string | undefined): Promise<void> {
    if (!legalDeadline) return;
    await m.query(
      `INSERT INTO approval.case_clocks (case_no, legal_deadline) VALUES ($1, $2)
       ON CONFLICT (case_no) DO UPDATE SET legal_deadline = EXCLUDED.legal_deadline, updated_at = now()
        WHERE approval.case_clocks.legal_deadline < EXCLUDED.legal_deadline`,
      [caseNo, legalDeadline],
    );
  }

  async legalDeadlineOf(m: EntityManager, caseNo: string): Promise<Date | undefined> {
    return (await queryOne<{ legal_deadline: Date }>(m, `SELECT legal_deadline FROM approval.case_clocks WHERE case_no = $1`, [caseNo]))?.legal_deadline;
  }
}
