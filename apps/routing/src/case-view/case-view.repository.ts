import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseBlockView } from '#libs/contracts';
import { queryOne } from '#libs/persistence';
import type { PartName, StoredParts, WorkflowPart } from './parts.js';

export interface CaseViewRow {
  case_no: string;
  version: number;
  as_of: Date;
  seen_at: Date;
  workflow: WorkflowPart;
  parts: StoredParts;
  blocks: CaseBlockView[];
}

type Raw = Omit<CaseViewRow, 'version'> & { version: string };

/** `parts` with each part named in $4 marked by $5 (its rev: what it was fetched under no longer holds). */
const MARKED = (parts: string) =>
  `${parts} || (SELECT coalesce(jsonb_object_agg(p, coalesce(${parts}->p, '{}') || jsonb_build_object('rev', $5::text)), '{}') FROM unnest($4::text[]) p)`;

/** routing.case_views: the read model of GET /cases/{caseNo}, one row per case (see the migration for its rules). */
@Injectable()
export class CaseViewRepository {
  /** The view, and this read's ticket (its place among reads, for the compare-and-set of what it writes back). */
  async read(m: EntityManager, caseNo: string): Promise<(CaseViewRow & { ticket: number }) | undefined> {
    const r = await queryOne<Raw & { ticket: string }>(m, `SELECT v.*, nextval('routing.case_view_reads') AS ticket FROM routing.case_views v WHERE v.case_no = $1`, [
      caseNo,
    ]);
    return r && { ...row(r), ticket: Number(r.ticket) };
  }

  /** The view as it is now, locked until the transaction ends (a read writing back what it fetched). */
  async lock(m: EntityManager, caseNo: string): Promise<CaseViewRow | undefined> {
    const r = await queryOne<Raw>(m, `SELECT * FROM routing.case_views WHERE case_no = $1 FOR UPDATE`, [caseNo]);
    return r && row(r);
  }

  /**
   * After an event, in its handler's transaction: routing's part as it now is (the version moves when it changed) and
   * the owners' parts the event changed marked stale. The first event of a case makes the row, every owner's part stale.
   */
  async apply(m: EntityManager, c: { caseNo: string; workflow: WorkflowPart; at: string; marks: readonly PartName[]; mark: string }): Promise<void> {
    await m.query(
      `INSERT INTO routing.case_views AS v (case_no, version, as_of, seen_at, workflow, parts)
       VALUES ($1, 1, $3, $3, $2::jsonb, ${MARKED(`'{}'::jsonb`)})
       ON CONFLICT (case_no) DO UPDATE
          SET workflow = EXCLUDED.workflow,
              parts = ${MARKED('v.parts')},
              seen_at = GREATEST(v.seen_at, EXCLUDED.seen_at),
              version = v.version + (v.workflow IS DISTINCT FROM EXCLUDED.workflow)::int,
              as_of = CASE WHEN v.workflow IS DISTINCT FROM EXCLUDED.workflow THEN GREATEST(v.seen_at, EXCLUDED.seen_at) ELSE v.as_of END`,
      [c.caseNo, JSON.stringify(c.workflow), c.at, [...c.marks], c.mark],
    );
  }

  /** A case routing started before the view existed: its row, every owner's part stale; nothing if it has one. */
  async addMissing(m: EntityManager, c: { caseNo: string; workflow: WorkflowPart; at: Date; marks: readonly PartName[]; mark: string }): Promise<void> {
    await m.query(
      `INSERT INTO routing.case_views (case_no, version, as_of, seen_at, workflow, parts)
       VALUES ($1, 1, $3, $3, $2::jsonb, ${MARKED(`'{}'::jsonb`)})
       ON CONFLICT (case_no) DO NOTHING`,
      [c.caseNo, JSON.stringify(c.workflow), c.at, [...c.marks], c.mark],
    );
  }

  /** What a read fetched, under the lock `lock` took; the version moves (and as_of with it) when `changed`. */
  async writeBack(m: EntityManager, caseNo: string, w: { parts: StoredParts; blocks: CaseBlockView[]; changed: boolean }): Promise<{ version: number; asOf: Date }> {
    const r = await queryOne<{ version: string; as_of: Date }>(
      m,
      `UPDATE routing.case_views
          SET parts = $2::jsonb, blocks = $3::jsonb, version = version + $4::int, as_of = CASE WHEN $4::int > 0 THEN seen_at ELSE as_of END
        WHERE case_no = $1
        RETURNING version, as_of`,
      [caseNo, JSON.stringify(w.parts), JSON.stringify(w.blocks), w.changed ? 1 : 0],
    );
    return { version: Number(r!.version), asOf: r!.as_of };
  }
}

function row(r: Raw): CaseViewRow {
  return { ...r, version: Number(r.version) };
}
