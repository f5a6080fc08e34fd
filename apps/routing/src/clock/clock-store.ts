import type { EntityManager } from 'typeorm';
import { WorkingCalendar } from '#libs/calendar';
import type { ReviewStage } from '#libs/contracts';
import { newId } from '#libs/messaging';
import { queryRows } from '#libs/persistence';
import type { WorkflowRow } from '../workflow/workflow-store.js';
import { estimateOf, moveDue, stageDueAt } from './deadline-moves.js';
import { warningThreshold, warningTimes } from './warning-rule.js';
import type { Interval } from './working-time.js';

/**
 * The clocks routing keeps (routing.case_clocks, routing.task_clocks): when each started, when it is due, whether
 * it runs, and when its yellow comes. Every change of a clock recomputes `yellow_at`; `next_check_at` follows by
 * itself (generated column). Callers hold the workflow's row lock, so one case's clocks change one event at a time.
 */

export const calendar = (): WorkingCalendar => WorkingCalendar.official();

let threshold: number | undefined;
/** WARNING_THRESHOLD, read once (a bad value stops the service at boot: the sweep scheduler reads it first). */
export function clockThreshold(): number {
  return (threshold ??= warningThreshold());
}

/** Case statuses in which the clocks run (or stand paused): anything else has been decided or withdrawn. */
export const RUNNING_CASE_STATUSES = ['ACCEPTED', 'IN_REVIEW', 'SUSPENDED'];

export function yellowAtFor(start: Date, due: Date, stops: Interval[]): Date {
  return warningTimes(calendar(), { start, due, stops, threshold: clockThreshold() }).yellowAt;
}

/** The case's supplement suspensions that stopped its clock (one that ended with the case does not count). */
export async function caseStops(m: EntityManager, caseNo: string): Promise<Interval[]> {
  const rows = await queryRows<{ started_at: Date; ended_at: Date | null }>(
    m,
    `SELECT started_at, ended_at FROM routing.suspensions
      WHERE case_no = $1 AND (end_reason IS NULL OR end_reason = 'SUPPLIED') ORDER BY started_at`,
    [caseNo],
  );
  return rows.map((r) => ({ from: r.started_at, to: r.ended_at }));
}

/**
 * A workflow started: the case's clock runs from acceptance to the promised deadline, and the workflow says whether
 * its deadlines were computed over a year without an official schedule (weekends only assumed).
 */
export async function startCaseClock(m: EntityManager, wf: WorkflowRow): Promise<void> {
  const estimate = estimateOf(calendar(), wf.accepted_at, wf.legal_deadline > wf.promised_deadline ? wf.legal_deadline : wf.promised_deadline);
  await m.query(`UPDATE routing.workflows SET deadline_estimated = $2, estimated_years = $3 WHERE case_no = $1`, [
    wf.case_no,
    estimate.estimated,
    estimate.estimatedYears,
  ]);
  await m.query(
    `INSERT INTO routing.case_clocks (case_no, item_code, item_name, started_at, due_at, status, yellow_at)
     VALUES ($1, $2, $3, $4, $5, 'OPEN', $6)
     ON CONFLICT (case_no) DO NOTHING`,
    [wf.case_no, wf.item_code, wf.item_name, wf.accepted_at, wf.promised_deadline, yellowAtFor(wf.accepted_at, wf.promised_deadline, [])],
  );
}

/**
 * A stage opened: one clock per department, with the id approval will give the task (routing names it, so a
 * warning can say which task). Due at the promised deadline, or at the stage's own share (see stageDueAt).
 */
export async function openTaskClocks(
  m: EntityManager,
  wf: WorkflowRow,
  stage: ReviewStage,
  openedAt: Date,
): Promise<{ dueAt: Date; taskIds: Record<string, string> }> {
  const dueAt = stageDueAt(calendar(), stage, openedAt, wf.promised_deadline);
  const yellowAt = yellowAtFor(openedAt, dueAt, []);
  const taskIds: Record<string, string> = {};
  for (const department of new Set(stage.departments)) {
    const [row] = await queryRows<{ task_id: string }>(
      m,
      `INSERT INTO routing.task_clocks (case_no, stage, department, task_id, item_code, item_name, started_at, due_at, status, yellow_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'OPEN', $9)
       ON CONFLICT (case_no, stage, department) DO UPDATE SET task_id = routing.task_clocks.task_id
       RETURNING task_id`,
      [wf.case_no, stage.stage, department, newId(), wf.item_code, wf.item_name, openedAt, dueAt, yellowAt],
    );
    taskIds[department] = row.task_id;
  }
  return { dueAt, taskIds };
}

/** A task was decided (or cancelled): its clock stops for good. Approval's task id is the one that counts. */
export async function closeTaskClock(
  m: EntityManager,
  t: { caseNo: string; stage: number; department: string; taskId: string },
  outcome: string,
  at: Date,
): Promise<void> {
  await m.query(
    `UPDATE routing.task_clocks SET status = 'CLOSED', closed_at = $5, outcome = $6, task_id = $4
      WHERE case_no = $1 AND stage = $2 AND department = $3 AND status <> 'CLOSED'`,
    [t.caseNo, t.stage, t.department, t.taskId, at, outcome],
  );
}

/** A supplement was requested: every running clock of the case stands still. */
export async function pauseClocks(m: EntityManager, caseNo: string): Promise<void> {
  await m.query(`UPDATE routing.case_clocks SET status = 'PAUSED' WHERE case_no = $1 AND status = 'OPEN'`, [caseNo]);
  await m.query(`UPDATE routing.task_clocks SET status = 'PAUSED' WHERE case_no = $1 AND status = 'OPEN'`, [caseNo]);
}

/**
 * The supplement is in: the paused clocks run again, each due time moved by the working days the case stood
 * still (the case's to its moved promised deadline), and yellow recomputed with the suspension left out.
 */
export async function resumeClocks(m: EntityManager, caseNo: string, days: number, promisedDeadline: Date): Promise<void> {
  const stops = await caseStops(m, caseNo);
  const paused = await queryRows<{ started_at: Date }>(
    m,
    `SELECT started_at FROM routing.case_clocks WHERE case_no = $1 AND status = 'PAUSED' FOR UPDATE`,
    [caseNo],
  );
  for (const c of paused) {
    await m.query(`UPDATE routing.case_clocks SET status = 'OPEN', due_at = $2, yellow_at = $3 WHERE case_no = $1`, [
      caseNo,
      promisedDeadline,
      yellowAtFor(c.started_at, promisedDeadline, stops),
    ]);
  }
  const tasks = await queryRows<{ stage: number; department: string; started_at: Date; due_at: Date }>(
    m,
    `SELECT stage, department, started_at, due_at FROM routing.task_clocks WHERE case_no = $1 AND status = 'PAUSED' FOR UPDATE`,
    [caseNo],
  );
  for (const t of tasks) {
    const due = moveDue(calendar(), t.due_at, days);
    await m.query(
      `UPDATE routing.task_clocks SET status = 'OPEN', due_at = $4, yellow_at = $5 WHERE case_no = $1 AND stage = $2 AND department = $3`,
      [caseNo, t.stage, t.department, due, yellowAtFor(t.started_at, due, stops)],
    );
  }
}

/** 延期: the task's own due time moved; its yellow moves with it. A level already raised stays raised. */
export async function extendTaskClock(
  m: EntityManager,
  t: { caseNo: string; stage: number; department: string; taskId: string },
  dueAt: Date,
  workingDays: number,
): Promise<void> {
  const [row] = await queryRows<{ started_at: Date }>(
    m,
    `SELECT started_at FROM routing.task_clocks WHERE case_no = $1 AND stage = $2 AND department = $3 AND status <> 'CLOSED' FOR UPDATE`,
    [t.caseNo, t.stage, t.department],
  );
  if (!row) return;
  const yellowAt = yellowAtFor(row.started_at, dueAt, await caseStops(m, t.caseNo));
  await m.query(
    `UPDATE routing.task_clocks SET due_at = $5, yellow_at = $6, extended_days = $7, task_id = $4
      WHERE case_no = $1 AND stage = $2 AND department = $3`,
    [t.caseNo, t.stage, t.department, t.taskId, dueAt, yellowAt, workingDays],
  );
}

/**
 * The case was decided (or ended otherwise): its clock stops with that outcome, every task clock still running
 * stops too, and a suspension still open ends without moving anything.
 */
export async function closeCaseClocks(m: EntityManager, caseNo: string, outcome: string, at: Date = new Date()): Promise<void> {
  await m.query(
    `UPDATE routing.case_clocks SET status = 'CLOSED', closed_at = $2, outcome = $3 WHERE case_no = $1 AND status <> 'CLOSED'`,
    [caseNo, at, outcome],
  );
  await m.query(
    `UPDATE routing.task_clocks SET status = 'CLOSED', closed_at = $2, outcome = 'CASE_CLOSED' WHERE case_no = $1 AND status <> 'CLOSED'`,
    [caseNo, at],
  );
  await m.query(
    `UPDATE routing.suspensions SET ended_at = GREATEST(started_at, $2), end_reason = 'CASE_CLOSED' WHERE case_no = $1 AND ended_at IS NULL`,
    [caseNo, at],
  );
}
