import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Interval } from '#libs/calendar';
import type { MaterialRef } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

export interface SuspensionRow {
  id: string;
  case_no: string;
  started_at: Date;
  ended_at: Date | null;
  reason: string;
  requested: MaterialRef[];
  supplied: MaterialRef[];
  task_id: string;
  department: string;
  stage: number;
  suspended_working_days: number | null;
  end_reason: string | null;
}

export interface NewSuspension {
  id: string;
  caseNo: string;
  startedAt: string;
  reason: string;
  requested: MaterialRef[];
  taskId: string;
  department: string;
  stage: number;
}

/** Only suspensions that stopped the clock count (one that ended with the case does not). */
const STOPPED_CLOCK = `(end_reason IS NULL OR end_reason = 'SUPPLIED')`;

/** routing.suspensions: each time a case waited for a supplement (补正), what was asked for and what came in. */
@Injectable()
export class SuspensionRepository {
  constructor(private readonly ds: DataSource) {}

  lockOpen(m: EntityManager, caseNo: string): Promise<SuspensionRow | undefined> {
    return queryOne<SuspensionRow>(m, `SELECT * FROM routing.suspensions WHERE case_no = $1 AND ended_at IS NULL FOR UPDATE`, [caseNo]);
  }

  async add(m: EntityManager, s: NewSuspension): Promise<void> {
    await m.query(
      `INSERT INTO routing.suspensions (id, case_no, started_at, reason, requested, task_id, department, stage)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
      [s.id, s.caseNo, s.startedAt, s.reason, JSON.stringify(s.requested), s.taskId, s.department, s.stage],
    );
  }

  async setRequested(m: EntityManager, id: string, requested: MaterialRef[]): Promise<void> {
    await m.query(`UPDATE routing.suspensions SET requested = $2::jsonb WHERE id = $1`, [id, JSON.stringify(requested)]);
  }

  async setSupplied(m: EntityManager, id: string, supplied: MaterialRef[]): Promise<void> {
    await m.query(`UPDATE routing.suspensions SET supplied = $2::jsonb WHERE id = $1`, [id, JSON.stringify(supplied)]);
  }

  /** Everything asked for is in: the suspension ends, counting the working days it stopped the clock. */
  async endSupplied(m: EntityManager, id: string, endedAt: Date, supplied: MaterialRef[], workingDays: number): Promise<void> {
    await m.query(
      `UPDATE routing.suspensions SET ended_at = $2, supplied = $3::jsonb, suspended_working_days = $4, end_reason = 'SUPPLIED' WHERE id = $1`,
      [id, endedAt, JSON.stringify(supplied), workingDays],
    );
  }

  /** The case ended while waiting: the suspension ends without moving anything. */
  async endWithCase(m: EntityManager, caseNo: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE routing.suspensions SET ended_at = GREATEST(started_at, $2), end_reason = 'CASE_CLOSED' WHERE case_no = $1 AND ended_at IS NULL`,
      [caseNo, at],
    );
  }

  /** Oldest first. */
  ofCase(m: EntityManager, caseNo: string): Promise<SuspensionRow[]> {
    return queryRows<SuspensionRow>(m, `SELECT * FROM routing.suspensions WHERE case_no = $1 ORDER BY started_at, id`, [caseNo]);
  }

  /** The stops of the case's clock, oldest first. */
  async stopsOf(m: EntityManager, caseNo: string): Promise<Interval[]> {
    const rows = await queryRows<{ started_at: Date; ended_at: Date | null }>(
      m,
      `SELECT started_at, ended_at FROM routing.suspensions
        WHERE case_no = $1 AND ${STOPPED_CLOCK} ORDER BY started_at`,
      [caseNo],
    );
    return rows.map((r) => ({ from: r.started_at, to: r.ended_at }));
  }

  /** The stops of each of the cases' clocks. */
  async stopsOfCases(caseNos: string[]): Promise<Map<string, Interval[]>> {
    const rows = await queryRows<{ case_no: string; started_at: Date; ended_at: Date | null }>(
      this.ds.manager,
      `SELECT case_no, started_at, ended_at FROM routing.suspensions
        WHERE case_no = ANY($1) AND ${STOPPED_CLOCK}`,
      [caseNos],
    );
    const stops = new Map<string, Interval[]>();
    for (const r of rows) stops.set(r.case_no, [...(stops.get(r.case_no) ?? []), { from: r.started_at, to: r.ended_at }]);
    return stops;
  }
}
