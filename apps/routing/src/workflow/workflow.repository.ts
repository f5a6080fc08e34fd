import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseStatus, EventEnvelope, ReviewStage, TaskDecidedData } from '#libs/contracts';
import { cursorTime, queryOne, queryRows, type CursorKey } from '#libs/persistence';
import type { Estimate } from '../clock/deadline-moves.js';
import type { RecordedDecision } from './stage-join.js';

export interface WorkflowRow {
  case_no: string;
  item_code: string;
  item_name: string;
  plan: ReviewStage[];
  current_stage: number;
  status: CaseStatus;
  accepted_at: Date;
  promised_deadline: Date;
  legal_deadline: Date;
  /** Set by the clock (#4) when a deadline leans on a year without an official schedule. */
  deadline_estimated?: boolean;
  estimated_years?: number[];
  joint_site_survey: boolean;
  version: number;
  updated_at: Date;
}

export interface NewWorkflow {
  caseNo: string;
  itemCode: string;
  itemName: string;
  plan: ReviewStage[];
  acceptedAt: string;
  promisedDeadline: string;
  legalDeadline: string;
  jointSiteSurvey: boolean;
}

export interface CaseSearch {
  status?: string;
  itemCode?: string;
  acceptedFrom?: Date;
  /** Exclusive. */
  acceptedBefore?: Date;
  after?: CursorKey;
}

export interface CaseSearchRow {
  case_no: string;
  item_code: string;
  item_name: string;
  status: CaseStatus;
  accepted_at: Date;
  at_key: string;
  promised_deadline: Date;
  legal_deadline: Date;
}

/** routing.workflows (one per case) and its stage_decisions (what each department of a stage decided). */
@Injectable()
export class WorkflowRepository {
  constructor(private readonly ds: DataSource) {}

  /** How many cases are in each status (for /metrics; the (status, …) index answers it). */
  countByStatus(): Promise<{ status: CaseStatus; n: number }[]> {
    return queryRows<{ status: CaseStatus; n: number }>(this.ds.manager, `SELECT status, count(*)::int AS n FROM routing.workflows GROUP BY status`);
  }

  find(caseNo: string): Promise<WorkflowRow | undefined> {
    return queryOne<WorkflowRow>(this.ds.manager, `SELECT * FROM routing.workflows WHERE case_no = $1`, [caseNo]);
  }

  /**
   * Locks the case's workflow for the rest of the transaction, so concurrent events on one case decide in turn.
   * A missing workflow means its CaseAccepted has not been handled yet: throwing has the event retried later.
   */
  async lock(m: EntityManager, caseNo: string): Promise<WorkflowRow> {
    const row = await queryOne<WorkflowRow>(m, `SELECT * FROM routing.workflows WHERE case_no = $1 FOR UPDATE`, [caseNo]);
    if (!row) throw new Error(`no workflow for case ${caseNo} yet`);
    return row;
  }

  /** The new workflow, or undefined when the case already has one (started under another event id). */
  async add(m: EntityManager, w: NewWorkflow): Promise<WorkflowRow | undefined> {
    const [created] = await queryRows<WorkflowRow>(
      m,
      `INSERT INTO routing.workflows (case_no, item_code, item_name, plan, current_stage, status, accepted_at, promised_deadline, legal_deadline, joint_site_survey)
       VALUES ($1, $2, $3, $4::jsonb, 0, 'ACCEPTED', $5, $6, $7, $8)
       ON CONFLICT (case_no) DO NOTHING
       RETURNING *`,
      [w.caseNo, w.itemCode, w.itemName, JSON.stringify(w.plan), w.acceptedAt, w.promisedDeadline, w.legalDeadline, w.jointSiteSurvey],
    );
    return created;
  }

  async update(m: EntityManager, caseNo: string, change: { status: CaseStatus; currentStage?: number }): Promise<void> {
    await m.query(
      `UPDATE routing.workflows
          SET status = $2, current_stage = COALESCE($3, current_stage), version = version + 1, updated_at = now()
        WHERE case_no = $1`,
      [caseNo, change.status, change.currentStage ?? null],
    );
  }

  async recordEstimate(m: EntityManager, caseNo: string, estimate: Estimate): Promise<void> {
    await m.query(`UPDATE routing.workflows SET deadline_estimated = $2, estimated_years = $3 WHERE case_no = $1`, [
      caseNo,
      estimate.estimated,
      estimate.estimatedYears,
    ]);
  }

  /** The supplement is in: back in review, with the deadlines the suspension moved. */
  async resume(m: EntityManager, caseNo: string, moved: Estimate & { promised: Date; legal: Date }): Promise<void> {
    await m.query(
      `UPDATE routing.workflows
          SET status = 'IN_REVIEW', promised_deadline = $2, legal_deadline = $3, deadline_estimated = $4, estimated_years = $5,
              version = version + 1, updated_at = now()
        WHERE case_no = $1`,
      [caseNo, moved.promised, moved.legal, moved.estimated, moved.estimatedYears],
    );
  }

  /**
   * A final decision is never overwritten. A supplement request is the exception: once the applicant supplied, the
   * same department decides again, and that later decision is the one the join must see.
   */
  async recordDecision(m: EntityManager, e: EventEnvelope<TaskDecidedData>): Promise<void> {
    const d = e.data;
    await m.query(
      `INSERT INTO routing.stage_decisions (case_no, stage, department, decision, opinion, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (case_no, stage, department) DO UPDATE
          SET decision = EXCLUDED.decision, opinion = EXCLUDED.opinion,
              decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at
        WHERE routing.stage_decisions.decision = 'REQUEST_SUPPLEMENT'
          AND routing.stage_decisions.decided_at <= EXCLUDED.decided_at`,
      [e.caseNo, d.stage, d.department, d.decision, d.opinion ?? '', e.actor.id, e.occurredAt],
    );
  }

  decisionsOf(m: EntityManager, caseNo: string, stage: number): Promise<RecordedDecision[]> {
    return queryRows<RecordedDecision>(
      m,
      `SELECT stage, department, decision, opinion FROM routing.stage_decisions WHERE case_no = $1 AND stage = $2`,
      [caseNo, stage],
    );
  }

  /** Newest accepted first (case number breaking ties), one row past `limit` (see paginate). */
  search(q: CaseSearch, limit: number): Promise<CaseSearchRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.status) add('status = ?', q.status);
    if (q.itemCode) add('item_code = ?', q.itemCode);
    if (q.acceptedFrom) add('accepted_at >= ?', q.acceptedFrom);
    if (q.acceptedBefore) add('accepted_at < ?', q.acceptedBefore);
    if (q.after) {
      params.push(q.after.at, q.after.id);
      where.push(`(accepted_at, case_no) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(limit + 1);
    return queryRows<CaseSearchRow>(
      this.ds.manager,
      `SELECT case_no, item_code, item_name, status, accepted_at, ${cursorTime('accepted_at')} AS at_key, promised_deadline, legal_deadline
         FROM routing.workflows
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY accepted_at DESC, case_no DESC
        LIMIT $${params.length}`,
      params,
    );
  }

  itemsOf(caseNos: string[]): Promise<{ case_no: string; item_code: string; item_name: string }[]> {
    return queryRows(this.ds.manager, `SELECT case_no, item_code, item_name FROM routing.workflows WHERE case_no = ANY($1::text[])`, [caseNos]);
  }
}
