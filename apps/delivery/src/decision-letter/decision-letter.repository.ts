import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryOne, queryRows } from '#libs/persistence';

/** A department's REJECT of a case, as the letter gives it. */
export interface RejectionReasonRow {
  stage: number;
  department: string;
  opinion: string;
  decided_at: Date;
}

export interface NewRejectionReason {
  caseNo: string;
  stage: number;
  department: string;
  /** Null when learnt from CaseRejected (the task's own event may come later and fills it in). */
  taskId: string | null;
  opinion: string;
  decidedAt: string;
}

export interface DecisionLetterRow {
  letter_no: string;
  case_no: string;
  delivery_id: string;
  item_name: string;
  applicant_name: string;
  center_code: string;
  issued_at: Date;
}

export interface NewDecisionLetter {
  letterNo: string;
  caseNo: string;
  deliveryId: string;
  itemName: string;
  applicantName: string;
  centerCode: string;
}

/** delivery.decision_letters (one per rejected case) and the rejection_reasons it prints. */
@Injectable()
export class DecisionLetterRepository {
  constructor(private readonly ds: DataSource) {}

  /** A department's REJECT from its task's decision: the authoritative record of it (a redelivery writes the same). */
  async recordDecision(m: EntityManager, r: NewRejectionReason): Promise<void> {
    await m.query(
      `INSERT INTO delivery.rejection_reasons (case_no, stage, department, task_id, opinion, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_no, stage, department) DO UPDATE SET task_id = EXCLUDED.task_id, opinion = EXCLUDED.opinion, decided_at = EXCLUDED.decided_at`,
      [r.caseNo, r.stage, r.department, r.taskId, r.opinion, r.decidedAt],
    );
  }

  /** The rejection routing acted on: kept unless the task's own decision is already here. */
  async recordRejection(m: EntityManager, r: NewRejectionReason): Promise<void> {
    await m.query(
      `INSERT INTO delivery.rejection_reasons (case_no, stage, department, task_id, opinion, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_no, stage, department) DO NOTHING`,
      [r.caseNo, r.stage, r.department, r.taskId, r.opinion, r.decidedAt],
    );
  }

  reasonsOf(m: EntityManager, caseNo: string): Promise<RejectionReasonRow[]> {
    return queryRows<RejectionReasonRow>(
      m,
      `SELECT stage, department, opinion, decided_at FROM delivery.rejection_reasons WHERE case_no = $1 ORDER BY stage, decided_at, department`,
      [caseNo],
    );
  }

  async existsForCase(m: EntityManager, caseNo: string): Promise<boolean> {
    return !!(await queryOne(m, `SELECT 1 FROM delivery.decision_letters WHERE case_no = $1`, [caseNo]));
  }

  async nextSeq(m: EntityManager): Promise<string> {
    return (await queryOne<{ n: string }>(m, `SELECT nextval('delivery.decision_letter_seq')::text AS n`))!.n;
  }

  /** The letter; false when the case has one already. */
  async add(m: EntityManager, l: NewDecisionLetter): Promise<boolean> {
    const [created] = await queryRows<{ letter_no: string }>(
      m,
      `INSERT INTO delivery.decision_letters (letter_no, case_no, delivery_id, item_name, applicant_name, center_code)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_no) DO NOTHING RETURNING letter_no`,
      [l.letterNo, l.caseNo, l.deliveryId, l.itemName, l.applicantName, l.centerCode],
    );
    return !!created;
  }

  ofCase(caseNo: string): Promise<DecisionLetterRow | undefined> {
    return queryOne<DecisionLetterRow>(
      this.ds.manager,
      `SELECT letter_no, case_no, delivery_id, item_name, applicant_name, center_code, issued_at FROM delivery.decision_letters WHERE case_no = $1`,
      [caseNo],
    );
  }
}
