import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FeeLine } from '#libs/contracts';
import { queryOne } from '#libs/persistence';

/** A fees.assessments row as PostgreSQL returns it: bigint arrives as a string. */
export interface AssessmentRow {
  lines: FeeLine[];
  total_fen: string;
  approved_at: Date | null;
  withdrawn_at: Date | null;
  center_code: string | null;
}

/** What the assessment was made from: the item version and the center (rule codes are the lines' codes). */
export interface AssessedFrom {
  itemCode: string;
  itemName: string;
  itemVersion: number;
  centerCode: string;
}

/** fees.assessments: what a case owes, priced at acceptance; stamped when it is approved or withdrawn. */
@Injectable()
export class AssessmentRepository {
  /** The first assessment of a case stands; a redelivered acceptance changes nothing. */
  async add(m: EntityManager, caseNo: string, lines: FeeLine[], totalFen: number, from: AssessedFrom): Promise<void> {
    await m.query(
      `INSERT INTO fees.assessments (case_no, lines, total_fen, item_code, item_name, item_version, center_code)
       VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7) ON CONFLICT (case_no) DO NOTHING`,
      [caseNo, JSON.stringify(lines), totalFen, from.itemCode, from.itemName, from.itemVersion, from.centerCode],
    );
  }

  /** Locks the assessment for the rest of the transaction and reads it. */
  lockAndRead(m: EntityManager, caseNo: string): Promise<AssessmentRow | undefined> {
    return queryOne<AssessmentRow>(m, `SELECT lines, total_fen, approved_at, withdrawn_at, center_code FROM fees.assessments WHERE case_no = $1 FOR UPDATE`, [caseNo]);
  }

  /** Locks the assessment for the rest of the transaction; false when there is none (yet). */
  async lock(m: EntityManager, caseNo: string): Promise<boolean> {
    return !!(await queryOne(m, `SELECT 1 FROM fees.assessments WHERE case_no = $1 FOR UPDATE`, [caseNo]));
  }

  async markApproved(m: EntityManager, caseNo: string): Promise<void> {
    await m.query(`UPDATE fees.assessments SET approved_at = now() WHERE case_no = $1`, [caseNo]);
  }

  /** The first withdrawal time stands. */
  async markWithdrawn(m: EntityManager, caseNo: string, at: string): Promise<void> {
    await m.query(`UPDATE fees.assessments SET withdrawn_at = COALESCE(withdrawn_at, $2) WHERE case_no = $1`, [caseNo, at]);
  }
}
