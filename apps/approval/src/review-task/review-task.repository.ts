import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DecideTaskRequest, TaskExtensionView, TaskStatus, TaskView } from '#libs/contracts';
import { cursorTime, queryOne, queryRows, type CursorKey } from '#libs/persistence';
import type { ReviewTaskRow } from './review-task.js';

const TASK_COLUMNS = `id, case_no, item_code, item_name, department, stage, status, due_at, decision, opinion,
  decided_by, decided_at, cancel_reason, assignee, decided_on_behalf_of, created_at, version, paused_at, extension, paused_ms`;

/** A task as opened: the view's identifying part, and what it is created with. */
export type NewReviewTask = Pick<TaskView, 'caseNo' | 'itemCode' | 'itemName' | 'department' | 'stage' | 'status' | 'dueAt'> & {
  id: string;
  /** Set when the task is created decided (即办件: decided at the window). */
  decision: string | null;
  opinion: string;
  decidedBy: string | null;
  decidedAt: string | null;
  stageLead: string | null;
  surveyRequired: boolean;
};

export interface TaskDecision {
  status: TaskStatus;
  decision: DecideTaskRequest['decision'];
  opinion: string;
  decidedBy: string;
  onBehalfOf: string | null;
}

export interface WorklistFilter {
  departments: string[];
  status?: TaskStatus;
  itemCode?: string;
  dueBefore?: Date;
  /** Open and past due at `now` (true), or not (false). */
  overdue?: boolean;
  now: Date;
  assignee?: string;
  after?: CursorKey;
}

export interface StageSurveyRules {
  jointSiteSurvey: boolean;
  /** The stage's lead department, if the plan names one. */
  lead?: string;
}

/**
 * approval.review_tasks: one task per case, stage and department. Every move of a task is a guarded update (its
 * status in the WHERE clause): a method answering undefined means the task was no longer in the state asked for.
 */
@Injectable()
export class ReviewTaskRepository {
  constructor(private readonly ds: DataSource) {}

  find(m: EntityManager, id: string): Promise<ReviewTaskRow | undefined> {
    return queryOne<ReviewTaskRow>(m, `SELECT ${TASK_COLUMNS} FROM approval.review_tasks WHERE id = $1`, [id]);
  }

  lock(m: EntityManager, id: string): Promise<ReviewTaskRow | undefined> {
    return queryOne<ReviewTaskRow>(m, `SELECT ${TASK_COLUMNS} FROM approval.review_tasks WHERE id = $1 FOR UPDATE`, [id]);
  }

  /**
   * Opening a stage and cancelling for a withdrawal take turns on one case (until the transaction ends): otherwise a
   * stage's tasks inserted while the withdrawal commits would be missed by both and stay open.
   */
  async lockCase(m: EntityManager, caseNo: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`approval:case-tasks:${caseNo}`]);
  }

  /** The new task, or undefined when the case's stage already has this department's task. */
  async add(m: EntityManager, t: NewReviewTask): Promise<{ id: string } | undefined> {
    const [created] = await queryRows<{ id: string }>(
      m,
      `INSERT INTO approval.review_tasks (id, case_no, item_code, item_name, department, stage, status, due_at, decision, opinion, decided_by, decided_at, stage_lead, survey_required)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULLIF($10, ''), $11, $12, $13, $14)
       ON CONFLICT (case_no, stage, department) DO NOTHING
       RETURNING id`,
      [t.id, t.caseNo, t.itemCode, t.itemName, t.department, t.stage, t.status, t.dueAt, t.decision, t.opinion, t.decidedBy, t.decidedAt, t.stageLead, t.surveyRequired],
    );
    return created;
  }

  decide(m: EntityManager, id: string, d: TaskDecision): Promise<ReviewTaskRow | undefined> {
    return queryOne<ReviewTaskRow>(
      m,
      `UPDATE approval.review_tasks
          SET status = $2, decision = $3, opinion = NULLIF($4, ''), decided_by = $5, decided_at = now(), version = version + 1,
              decided_on_behalf_of = $6
        WHERE id = $1 AND status = 'OPEN'
        RETURNING ${TASK_COLUMNS}`,
      [id, d.status, d.decision, d.opinion, d.decidedBy, d.onBehalfOf],
    );
  }

  assign(m: EntityManager, id: string, assignee: string | null): Promise<ReviewTaskRow | undefined> {
    return queryOne<ReviewTaskRow>(
      m,
      `UPDATE approval.review_tasks SET assignee = $2, version = version + 1
        WHERE id = $1 AND status = 'OPEN'
        RETURNING ${TASK_COLUMNS}`,
      [id, assignee],
    );
  }

  /** Once only: a task that already has an extension is not extended again. */
  extend(m: EntityManager, id: string, dueAt: Date, extension: TaskExtensionView): Promise<ReviewTaskRow | undefined> {
    return queryOne<ReviewTaskRow>(
      m,
      `UPDATE approval.review_tasks SET due_at = $2, extension = $3::jsonb, version = version + 1
        WHERE id = $1 AND status = 'OPEN' AND extension IS NULL
        RETURNING ${TASK_COLUMNS}`,
      [id, dueAt, JSON.stringify(extension)],
    );
  }

  /** Every task of the case still open or paused; the ones cancelled. */
  cancelUndecided(m: EntityManager, caseNo: string, reason: string): Promise<{ id: string; stage: number; department: string }[]> {
    return queryRows(
      m,
      `UPDATE approval.review_tasks
          SET status = 'CANCELLED', cancel_reason = $2, version = version + 1
        WHERE case_no = $1 AND status IN ('OPEN', 'PAUSED')
        RETURNING id, stage, department`,
      [caseNo, reason],
    );
  }

  /** The ids of the tasks it paused. */
  async pauseOpen(m: EntityManager, caseNo: string, pausedAt: string, suspensionId: string): Promise<string[]> {
    const paused = await queryRows<{ id: string }>(
      m,
      `UPDATE approval.review_tasks SET status = 'PAUSED', paused_at = $2, suspension_id = $3, version = version + 1
        WHERE case_no = $1 AND status = 'OPEN' RETURNING id`,
      [caseNo, pausedAt, suspensionId],
    );
    return paused.map((t) => t.id);
  }

  /** The task that asked for the supplement keeps its status and waits with the paused ones. */
  async holdAsking(m: EntityManager, id: string, suspensionId: string, pausedAt: string): Promise<void> {
    await m.query(
      `UPDATE approval.review_tasks SET paused_at = COALESCE(paused_at, $3), suspension_id = $2
        WHERE id = $1 AND status = 'SUPPLEMENT_REQUESTED'`,
      [id, suspensionId, pausedAt],
    );
  }

  /** The tasks waiting for the case's supplement: paused, and the one that asked. */
  lockWaiting(m: EntityManager, caseNo: string): Promise<{ id: string; due_at: Date }[]> {
    return queryRows(
      m,
      `SELECT id, due_at FROM approval.review_tasks WHERE case_no = $1 AND status IN ('PAUSED', 'SUPPLEMENT_REQUESTED') FOR UPDATE`,
      [caseNo],
    );
  }

  /** Open again, due at `dueAt`, the earlier decision (a supplement request) cleared. */
  async reopen(m: EntityManager, id: string, dueAt: Date, pausedMs: number): Promise<void> {
    await m.query(
      `UPDATE approval.review_tasks
          SET status = 'OPEN', due_at = $2, paused_at = NULL, suspension_id = NULL, paused_ms = paused_ms + $3,
              decision = NULL, opinion = NULL, decided_by = NULL, decided_at = NULL, decided_on_behalf_of = NULL,
              version = version + 1
        WHERE id = $1`,
      [id, dueAt, pausedMs],
    );
  }

  /** Stage by stage, department by department. */
  ofCase(caseNo: string): Promise<ReviewTaskRow[]> {
    return queryRows<ReviewTaskRow>(this.ds.manager, `SELECT ${TASK_COLUMNS} FROM approval.review_tasks WHERE case_no = $1 ORDER BY stage, department`, [caseNo]);
  }

  async departmentsInCase(m: EntityManager, caseNo: string): Promise<string[]> {
    const rows = await queryRows<{ department: string }>(m, `SELECT DISTINCT department FROM approval.review_tasks WHERE case_no = $1 ORDER BY department`, [caseNo]);
    return rows.map((r) => r.department);
  }

  async departmentsOf(ids: string[]): Promise<Map<string, string>> {
    const rows = await queryRows<{ id: string; department: string }>(this.ds.manager, `SELECT id, department FROM approval.review_tasks WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.department]));
  }

  /** The case's item and its latest stage so far. */
  latestStage(caseNo: string): Promise<{ item_code: string; stage: number } | undefined> {
    return queryOne(this.ds.manager, `SELECT item_code, max(stage) AS stage FROM approval.review_tasks WHERE case_no = $1 GROUP BY item_code`, [caseNo]);
  }

  /** The tasks of the case's latest stage, by department. */
  ofLatestStage(m: EntityManager, caseNo: string): Promise<{ stage: number; department: string; status: string }[]> {
    return queryRows(
      m,
      `SELECT stage, department, status FROM approval.review_tasks
        WHERE case_no = $1 AND stage = (SELECT max(stage) FROM approval.review_tasks WHERE case_no = $1)
        ORDER BY department`,
      [caseNo],
    );
  }

  /**
   * Whether a stage needs a joint site survey and who leads it, as the case's StageOpened event said: it comes from the
   * item version the case was accepted under, so a later catalog edit never changes a running case.
   */
  async surveyRules(m: EntityManager, caseNo: string, stage: number): Promise<StageSurveyRules> {
    const row = await queryOne<{ stage_lead: string | null; survey_required: boolean }>(
      m,
      `SELECT stage_lead, survey_required FROM approval.review_tasks WHERE case_no = $1 AND stage = $2 LIMIT 1`,
      [caseNo, stage],
    );
    return { jointSiteSurvey: row?.survey_required === true, lead: row?.stage_lead ?? undefined };
  }

  /** Soonest due first, id breaking ties, one row past `limit` (see paginate). */
  worklist(f: WorklistFilter, limit: number): Promise<(ReviewTaskRow & { due_key: string })[]> {
    const where = ['department = ANY($1::text[])'];
    const params: unknown[] = [f.departments];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (f.status) add((p) => `status = ${p}`, f.status);
    if (f.itemCode) add((p) => `item_code = ${p}`, f.itemCode);
    if (f.dueBefore) add((p) => `due_at < ${p}`, f.dueBefore);
    if (f.overdue === true) add((p) => `status = 'OPEN' AND due_at < ${p}`, f.now);
    if (f.overdue === false) add((p) => `NOT (status = 'OPEN' AND due_at < ${p})`, f.now);
    if (f.assignee) add((p) => `assignee = ${p}`, f.assignee);
    if (f.after) {
      params.push(f.after.at, f.after.id);
      where.push(`(due_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    return queryRows<ReviewTaskRow & { due_key: string }>(
      this.ds.manager,
      `SELECT ${TASK_COLUMNS}, ${cursorTime('due_at')} AS due_key
         FROM approval.review_tasks
        WHERE ${where.join(' AND ')}
        ORDER BY due_at, id
        LIMIT $${params.length}`,
      params,
    );
  }
}
