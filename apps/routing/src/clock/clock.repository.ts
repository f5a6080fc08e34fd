import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '#libs/persistence';

/** Which task clock: one per case, stage and department. */
export interface TaskClockKey {
  caseNo: string;
  stage: number;
  department: string;
}

export interface NewCaseClock {
  caseNo: string;
  itemCode: string;
  itemName: string;
  startedAt: Date;
  dueAt: Date;
  yellowAt: Date;
}

export interface NewTaskClock extends TaskClockKey {
  taskId: string;
  itemCode: string;
  itemName: string;
  startedAt: Date;
  dueAt: Date;
  yellowAt: Date;
}

/** A case or task clock as the supervision figures read it; `group_key` is the department or the item. */
export interface StatsClockRow {
  case_no: string;
  group_key: string;
  item_name: string;
  started_at: Date;
  due_at: Date;
  status: 'OPEN' | 'PAUSED' | 'CLOSED';
  closed_at: Date | null;
  outcome: string | null;
}

/** Started or closed within the period, or running now (running means the case is still under review). */
const RELEVANT = `((x.started_at >= $1 AND x.started_at < $2) OR (x.closed_at >= $1 AND x.closed_at < $2)
                   OR (x.status <> 'CLOSED' AND w.status IN ('ACCEPTED', 'IN_REVIEW', 'SUSPENDED')))`;

/**
 * routing.case_clocks and routing.task_clocks: when each clock started, when it is due, whether it runs, and when
 * its yellow comes (`next_check_at` follows by itself: a generated column). The raised levels are the warning
 * repository's.
 */
@Injectable()
export class ClockRepository {
  constructor(private readonly ds: DataSource) {}

  async openCaseClock(m: EntityManager, c: NewCaseClock): Promise<void> {
    await m.query(
      `INSERT INTO routing.case_clocks (case_no, item_code, item_name, started_at, due_at, status, yellow_at)
       VALUES ($1, $2, $3, $4, $5, 'OPEN', $6)
       ON CONFLICT (case_no) DO NOTHING`,
      [c.caseNo, c.itemCode, c.itemName, c.startedAt, c.dueAt, c.yellowAt],
    );
  }

  /** The task id the clock keeps: the one given, or the one it already had (a redelivered StageOpened). */
  async openTaskClock(m: EntityManager, c: NewTaskClock): Promise<string> {
    const [row] = await queryRows<{ task_id: string }>(
      m,
      `INSERT INTO routing.task_clocks (case_no, stage, department, task_id, item_code, item_name, started_at, due_at, status, yellow_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'OPEN', $9)
       ON CONFLICT (case_no, stage, department) DO UPDATE SET task_id = routing.task_clocks.task_id
       RETURNING task_id`,
      [c.caseNo, c.stage, c.department, c.taskId, c.itemCode, c.itemName, c.startedAt, c.dueAt, c.yellowAt],
    );
    return row.task_id;
  }

  /** Approval's task id is the one that counts. */
  async closeTaskClock(m: EntityManager, t: TaskClockKey & { taskId: string }, outcome: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE routing.task_clocks SET status = 'CLOSED', closed_at = $5, outcome = $6, task_id = $4
        WHERE case_no = $1 AND stage = $2 AND department = $3 AND status <> 'CLOSED'`,
      [t.caseNo, t.stage, t.department, t.taskId, at, outcome],
    );
  }

  /** Every running clock of the case stands still. */
  async pause(m: EntityManager, caseNo: string): Promise<void> {
    await m.query(`UPDATE routing.case_clocks SET status = 'PAUSED' WHERE case_no = $1 AND status = 'OPEN'`, [caseNo]);
    await m.query(`UPDATE routing.task_clocks SET status = 'PAUSED' WHERE case_no = $1 AND status = 'OPEN'`, [caseNo]);
  }

  lockPausedCaseClocks(m: EntityManager, caseNo: string): Promise<{ started_at: Date }[]> {
    return queryRows(m, `SELECT started_at FROM routing.case_clocks WHERE case_no = $1 AND status = 'PAUSED' FOR UPDATE`, [caseNo]);
  }

  async runCaseClock(m: EntityManager, caseNo: string, dueAt: Date, yellowAt: Date): Promise<void> {
    await m.query(`UPDATE routing.case_clocks SET status = 'OPEN', due_at = $2, yellow_at = $3 WHERE case_no = $1`, [caseNo, dueAt, yellowAt]);
  }

  lockPausedTaskClocks(m: EntityManager, caseNo: string): Promise<{ stage: number; department: string; started_at: Date; due_at: Date }[]> {
    return queryRows(
      m,
      `SELECT stage, department, started_at, due_at FROM routing.task_clocks WHERE case_no = $1 AND status = 'PAUSED' FOR UPDATE`,
      [caseNo],
    );
  }

  async runTaskClock(m: EntityManager, t: TaskClockKey, dueAt: Date, yellowAt: Date): Promise<void> {
    await m.query(
      `UPDATE routing.task_clocks SET status = 'OPEN', due_at = $4, yellow_at = $5 WHERE case_no = $1 AND stage = $2 AND department = $3`,
      [t.caseNo, t.stage, t.department, dueAt, yellowAt],
    );
  }

  /** The task's clock unless it has stopped for good. */
  async lockUnclosedTaskClock(m: EntityManager, t: TaskClockKey): Promise<{ started_at: Date } | undefined> {
    const [row] = await queryRows<{ started_at: Date }>(
      m,
      `SELECT started_at FROM routing.task_clocks WHERE case_no = $1 AND stage = $2 AND department = $3 AND status <> 'CLOSED' FOR UPDATE`,
      [t.caseNo, t.stage, t.department],
    );
    return row;
  }

  async extendTaskClock(m: EntityManager, t: TaskClockKey & { taskId: string }, dueAt: Date, yellowAt: Date, workingDays: number): Promise<void> {
    await m.query(
      `UPDATE routing.task_clocks SET due_at = $5, yellow_at = $6, extended_days = $7, task_id = $4
        WHERE case_no = $1 AND stage = $2 AND department = $3`,
      [t.caseNo, t.stage, t.department, t.taskId, dueAt, yellowAt, workingDays],
    );
  }

  /** The case's clock stops with the outcome; every task clock still running stops with it. */
  async closeCaseClocks(m: EntityManager, caseNo: string, outcome: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE routing.case_clocks SET status = 'CLOSED', closed_at = $2, outcome = $3 WHERE case_no = $1 AND status <> 'CLOSED'`,
      [caseNo, at, outcome],
    );
    await m.query(
      `UPDATE routing.task_clocks SET status = 'CLOSED', closed_at = $2, outcome = 'CASE_CLOSED' WHERE case_no = $1 AND status <> 'CLOSED'`,
      [caseNo, at],
    );
  }

  /** Task clocks of the period, grouped by department; a clock of a case no longer under review counts as closed. */
  taskClocksOf(period: { from: Date; to: Date }): Promise<StatsClockRow[]> {
    return queryRows<StatsClockRow>(
      this.ds.manager,
      `SELECT x.case_no, x.department AS group_key, '' AS item_name, x.started_at, x.due_at,
              CASE WHEN w.status IN ('ACCEPTED', 'IN_REVIEW', 'SUSPENDED') THEN x.status ELSE 'CLOSED' END AS status,
              x.closed_at, x.outcome
         FROM routing.task_clocks x JOIN routing.workflows w ON w.case_no = x.case_no WHERE ${RELEVANT}`,
      [period.from, period.to],
    );
  }

  /** Case clocks of the period, grouped by item; a clock of a case no longer under review counts as closed. */
  caseClocksOf(period: { from: Date; to: Date }): Promise<StatsClockRow[]> {
    return queryRows<StatsClockRow>(
      this.ds.manager,
      `SELECT x.case_no, x.item_code AS group_key, x.item_name, x.started_at, x.due_at,
              CASE WHEN w.status IN ('ACCEPTED', 'IN_REVIEW', 'SUSPENDED') THEN x.status ELSE 'CLOSED' END AS status,
              x.closed_at, x.outcome
         FROM routing.case_clocks x JOIN routing.workflows w ON w.case_no = x.case_no WHERE ${RELEVANT}`,
      [period.from, period.to],
    );
  }
}
