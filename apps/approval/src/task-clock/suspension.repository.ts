import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryOne } from '#libs/persistence';

export interface SuspensionRow {
  suspension_id: string;
  resumed_at: Date | null;
  started_at: Date;
}

/** approval.suspensions: routing's suspensions (补正) as approval applied them to its tasks. */
@Injectable()
export class SuspensionRepository {
  /** A redelivered CaseSuspended records nothing new. */
  async add(m: EntityManager, suspensionId: string, caseNo: string, startedAt: string): Promise<void> {
    await m.query(`INSERT INTO approval.suspensions (suspension_id, case_no, started_at) VALUES ($1, $2, $3) ON CONFLICT (suspension_id) DO NOTHING`, [
      suspensionId,
      caseNo,
      startedAt,
    ]);
  }

  lock(m: EntityManager, suspensionId: string): Promise<SuspensionRow | undefined> {
    return queryOne<SuspensionRow>(m, `SELECT suspension_id, resumed_at, started_at FROM approval.suspensions WHERE suspension_id = $1 FOR UPDATE`, [suspensionId]);
  }

  /** For a CaseResumed that does not name its suspension: the case's latest one not yet resumed. */
  lockLatestUnresumed(m: EntityManager, caseNo: string): Promise<SuspensionRow | undefined> {
    return queryOne<SuspensionRow>(
      m,
      `SELECT suspension_id, resumed_at, started_at FROM approval.suspensions WHERE case_no = $1 AND resumed_at IS NULL
        ORDER BY started_at DESC LIMIT 1 FOR UPDATE`,
      [caseNo],
    );
  }

  async markResumed(m: EntityManager, suspensionId: string, resumedAt: string, suspendedWorkingDays: number): Promise<void> {
    await m.query(`UPDATE approval.suspensions SET resumed_at = $2, suspended_working_days = $3 WHERE suspension_id = $1`, [
      suspensionId,
      resumedAt,
      suspendedWorkingDays,
    ]);
  }
}
