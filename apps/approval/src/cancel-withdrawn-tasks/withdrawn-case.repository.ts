import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryOne } from '#libs/persistence';

/**
 * approval.withdrawn_cases: cases withdrawn at the window. Kept because the withdrawal (intake's stream) and a stage
 * opening (routing's stream) can arrive in either order: a stage that opens after the withdrawal must not hand out
 * tasks. Callers hold the case's task lock (ReviewTaskRepository.lockCase).
 */
@Injectable()
export class WithdrawnCaseRepository {
  async add(m: EntityManager, caseNo: string, reason: string): Promise<void> {
    await m.query(`INSERT INTO approval.withdrawn_cases (case_no, reason) VALUES ($1, $2) ON CONFLICT (case_no) DO NOTHING`, [caseNo, reason]);
  }

  async isWithdrawn(m: EntityManager, caseNo: string): Promise<boolean> {
    return !!(await queryOne(m, `SELECT 1 FROM approval.withdrawn_cases WHERE case_no = $1`, [caseNo]));
  }
}
