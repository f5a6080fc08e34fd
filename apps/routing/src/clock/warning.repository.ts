import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryOne, queryRows } from '#libs/persistence';

export type ClockSubject = 'CASE' | 'TASK';
export type RaisedLevel = 'YELLOW' | 'RED';

/** A clock whose next level may be due, with its case's status. */
export interface DueClockRow {
  case_no: string;
  case_status: string;
  task_id: string | null;
  stage: number | null;
  department: string | null;
  due_at: Date;
  yellow_at: Date;
  yellow_raised_at: Date | null;
  red_raised_at: Date | null;
}

export interface NewWarning {
  caseNo: string;
  /** '' for the case's own clock. */
  taskId: string;
  subject: ClockSubject;
  department: string | null;
  level: RaisedLevel;
  dueAt: Date;
  raisedAt: Date;
}

/** A case or task clock with a level raised, at the highest level raised. */
export interface CurrentWarningRow {
  subject: ClockSubject;
  case_no: string;
  item_code: string;
  item_name: string;
  task_id: string | null;
  stage: number | null;
  department: string | null;
  due_at: Date;
  level: RaisedLevel;
  raised_at: Date;
}

const CLOCKS = {
  CASE: {
    claim: `SELECT c.case_no, w.status AS case_status, NULL AS task_id, NULL::int AS stage, NULL AS department,
                   c.due_at, c.yellow_at, c.yellow_raised_at, c.red_raised_at
              FROM routing.case_clocks c JOIN routing.workflows w ON w.case_no = c.case_no
             WHERE c.next_check_at <= $1
             ORDER BY c.next_check_at
             LIMIT $2
               FOR UPDATE OF c SKIP LOCKED`,
    where: `case_no = $1`,
    table: 'routing.case_clocks',
    key: (r: DueClockRow) => [r.case_no],
  },
  TASK: {
    claim: `SELECT t.case_no, w.status AS case_status, t.task_id, t.stage, t.department,
                   t.due_at, t.yellow_at, t.yellow_raised_at, t.red_raised_at
              FROM routing.task_clocks t JOIN routing.workflows w ON w.case_no = t.case_no
             WHERE t.next_check_at <= $1
             ORDER BY t.next_check_at
             LIMIT $2
               FOR UPDATE OF t SKIP LOCKED`,
    where: `case_no = $1 AND stage = $2 AND department = $3`,
    table: 'routing.task_clocks',
    key: (r: DueClockRow) => [r.case_no, r.stage, r.department],
  },
} as const;

/**
 * Warnings (电子监察): the levels raised on each clock (its `yellow_raised_at`/`red_raised_at`) and routing.warnings,
 * one row per case, task and level (unique: a second raise cannot commit).
 */
@Injectable()
export class WarningRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Up to `limit` clocks whose next check is due, locked for the transaction; `SKIP LOCKED`: another process's sweep
   * skips what this one holds, and finds it no longer due once this one commits.
   */
  claimDue(m: EntityManager, subject: ClockSubject, now: Date, limit: number): Promise<DueClockRow[]> {
    return queryRows<DueClockRow>(m, CLOCKS[subject].claim, [now, limit]);
  }

  /** The case ended without this clock being closed: close it with the case's status. */
  async closeClock(m: EntityManager, subject: ClockSubject, r: DueClockRow, at: Date): Promise<void> {
    const c = CLOCKS[subject];
    const key = c.key(r);
    await m.query(`UPDATE ${c.table} SET status = 'CLOSED', closed_at = $${key.length + 1}, outcome = $${key.length + 2} WHERE ${c.where}`, [
      ...key,
      at,
      r.case_status,
    ]);
  }

  /** The levels are done with; a level already marked keeps its first time. */
  async markRaised(m: EntityManager, subject: ClockSubject, r: DueClockRow, levels: RaisedLevel[], at: Date): Promise<void> {
    const c = CLOCKS[subject];
    const key = c.key(r);
    await m.query(
      `UPDATE ${c.table}
          SET yellow_raised_at = CASE WHEN $${key.length + 1} THEN COALESCE(yellow_raised_at, $${key.length + 3}) ELSE yellow_raised_at END,
              red_raised_at = CASE WHEN $${key.length + 2} THEN COALESCE(red_raised_at, $${key.length + 3}) ELSE red_raised_at END
        WHERE ${c.where}`,
      [...key, levels.includes('YELLOW'), levels.includes('RED'), at],
    );
  }

  /** The new warning's id, or undefined when this level of this clock was already raised. */
  async add(m: EntityManager, w: NewWarning): Promise<string | undefined> {
    const row = await queryOne<{ id: string }>(
      m,
      `INSERT INTO routing.warnings (case_no, task_id, subject, department, level, due_at, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (case_no, task_id, level) DO NOTHING
       RETURNING id`,
      [w.caseNo, w.taskId, w.subject, w.department, w.level, w.dueAt, w.raisedAt],
    );
    return row?.id;
  }

  async setEvent(m: EntityManager, id: string, eventId: string): Promise<void> {
    await m.query(`UPDATE routing.warnings SET event_id = $2 WHERE id = $1`, [id, eventId]);
  }

  /**
   * The yellow and red items right now: clocks that run (not decided, not paused for a supplement) with a level
   * raised. A department shows its tasks only (the case clock has no department). Red first, then soonest due.
   */
  current(q: { department?: string; level?: string }): Promise<CurrentWarningRow[]> {
    return queryRows<CurrentWarningRow>(
      this.ds.manager,
      `SELECT * FROM (
         SELECT 'TASK' AS subject, t.case_no, t.item_code, t.item_name, t.task_id, t.stage, t.department, t.due_at,
                CASE WHEN t.red_raised_at IS NOT NULL THEN 'RED' ELSE 'YELLOW' END AS level,
                COALESCE(t.red_raised_at, t.yellow_raised_at) AS raised_at
           FROM routing.task_clocks t JOIN routing.workflows w ON w.case_no = t.case_no
          WHERE t.status = 'OPEN' AND w.status IN ('ACCEPTED', 'IN_REVIEW')
            AND (t.yellow_raised_at IS NOT NULL OR t.red_raised_at IS NOT NULL)
            AND ($1::text IS NULL OR t.department = $1)
         UNION ALL
         SELECT 'CASE', c.case_no, c.item_code, c.item_name, NULL, NULL, NULL, c.due_at,
                CASE WHEN c.red_raised_at IS NOT NULL THEN 'RED' ELSE 'YELLOW' END,
                COALESCE(c.red_raised_at, c.yellow_raised_at)
           FROM routing.case_clocks c JOIN routing.workflows w ON w.case_no = c.case_no
          WHERE c.status = 'OPEN' AND w.status IN ('ACCEPTED', 'IN_REVIEW')
            AND (c.yellow_raised_at IS NOT NULL OR c.red_raised_at IS NOT NULL)
            AND $1::text IS NULL
       ) items
       WHERE ($2::text IS NULL OR level = $2)
       ORDER BY level DESC, due_at, case_no, subject, department
       LIMIT 1000`,
      [q.department ?? null, q.level ?? null],
    );
  }
}
