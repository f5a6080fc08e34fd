import { Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { Events, type Actor, type WarningRaisedData, type WarningSweepReply } from '#libs/contracts';
import { UnitOfWork, type Tx } from '#libs/messaging';
import { queryOne, queryRows } from '#libs/persistence';
import { RUNNING_CASE_STATUSES } from '../clock/clock-store.js';
import { levelsDue } from '../clock/warning-rule.js';
import { emitOnTimeline } from '../timeline/timeline-writer.js';

const SWEEP_ACTOR: Actor = { id: 'routing.warning-sweep', role: 'SYSTEM' };
/** Rows claimed per transaction; a sweep keeps taking batches until one comes back short. */
const BATCH = 200;

interface ClockRow {
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

const SOURCES = {
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
    key: (r: ClockRow) => [r.case_no],
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
    key: (r: ClockRow) => [r.case_no, r.stage, r.department],
  },
} as const;

/**
 * 电子监察: raises yellow and red on the clocks whose time has come, each level once per case or task, however many
 * routing processes sweep at the same moment. A sweep claims due rows with `FOR UPDATE SKIP LOCKED` (another
 * process's sweep skips what this one holds, and finds it no longer due once this one commits), records each level
 * in routing.warnings (unique per case, task and level: a second raise cannot commit), and emits
 * routing.warning.raised.v1 onto the case's timeline through the outbox, all in one transaction.
 */
@Injectable()
export class WarningSweep {
  private readonly logger = new Logger('WarningSweep');
  readonly instance = `${hostname()}:${process.pid}`;

  constructor(private readonly uow: UnitOfWork) {}

  async run(now: Date = new Date()): Promise<WarningSweepReply> {
    let claimed = 0;
    let raised = 0;
    for (const subject of ['CASE', 'TASK'] as const) {
      for (;;) {
        const r = await this.uow.run({ actor: SWEEP_ACTOR }, (tx) => this.batch(tx, subject, now));
        claimed += r.claimed;
        raised += r.raised;
        if (r.claimed < BATCH) break;
      }
    }
    if (raised) this.logger.log(`raised ${raised} warning(s) on ${claimed} clock(s)`);
    return { instance: this.instance, claimed, raised };
  }

  private async batch(tx: Tx, subject: 'CASE' | 'TASK', now: Date): Promise<{ claimed: number; raised: number }> {
    const source = SOURCES[subject];
    const rows = await queryRows<ClockRow>(tx.manager, source.claim, [now, BATCH]);
    let raised = 0;
    for (const r of rows) {
      const key = source.key(r);
      if (!RUNNING_CASE_STATUSES.includes(r.case_status)) {
        // The case ended without its clocks being closed (e.g. an older withdrawal): close them now, raise nothing.
        await tx.manager.query(`UPDATE ${source.table} SET status = 'CLOSED', closed_at = $${key.length + 1}, outcome = $${key.length + 2} WHERE ${source.where}`, [
          ...key,
          now,
          r.case_status,
        ]);
        continue;
      }
      const levels = levelsDue(
        { yellowAt: r.yellow_at, dueAt: r.due_at, yellowRaised: r.yellow_raised_at !== null, redRaised: r.red_raised_at !== null },
        now,
      );
      for (const level of levels) if (await this.raise(tx, subject, r, level, now)) raised++;
      // Whatever happened to the raise (a unique violation cannot happen under the row lock), the levels are done.
      await tx.manager.query(
        `UPDATE ${source.table}
            SET yellow_raised_at = CASE WHEN $${key.length + 1} THEN COALESCE(yellow_raised_at, $${key.length + 3}) ELSE yellow_raised_at END,
                red_raised_at = CASE WHEN $${key.length + 2} THEN COALESCE(red_raised_at, $${key.length + 3}) ELSE red_raised_at END
          WHERE ${source.where}`,
        [...key, levels.includes('YELLOW'), levels.includes('RED'), now],
      );
    }
    return { claimed: rows.length, raised };
  }

  private async raise(tx: Tx, subject: 'CASE' | 'TASK', r: ClockRow, level: 'YELLOW' | 'RED', now: Date): Promise<boolean> {
    const row = await queryOne<{ id: string }>(
      tx.manager,
      `INSERT INTO routing.warnings (case_no, task_id, subject, department, level, due_at, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (case_no, task_id, level) DO NOTHING
       RETURNING id`,
      [r.case_no, r.task_id ?? '', subject, r.department, level, r.due_at, now],
    );
    if (!row) return false;
    const data: WarningRaisedData = {
      level,
      subject,
      ...(subject === 'TASK' ? { taskId: r.task_id!, stage: r.stage!, department: r.department! } : {}),
      dueAt: r.due_at.toISOString(),
    };
    const e = await emitOnTimeline(tx, Events.WarningRaised, r.case_no, data);
    await tx.manager.query(`UPDATE routing.warnings SET event_id = $2 WHERE id = $1`, [row.id, e.id]);
    return true;
  }
}
