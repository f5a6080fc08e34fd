import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, CaseEventAuditQuery, CaseEventAuditRow } from '#libs/contracts';
import { cursorTime, queryOne, queryRows, type ChainEntry, type ChainSource } from '#libs/persistence';
import { caseEventContent } from './case-event-content.js';

interface AuditLogRow {
  id: string;
  at: string;
  event_id: string;
  type: string;
  case_no: string;
  actor: Actor;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

const AT_MS = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * routing.audit_log, the case events' audit chain: read here, appended only by TimelineRepository.record (in the
 * timeline's own statement). The database refuses UPDATE and DELETE on it (migration 1764700000710).
 */
@Injectable()
export class CaseAuditRepository implements ChainSource {
  constructor(private readonly ds: DataSource) {}

  /** Newest first, strictly before `q.before` in the merged order (at, chain tag, number). */
  async list(q: CaseEventAuditQuery): Promise<CaseEventAuditRow[]> {
    const rows = await queryRows<AuditLogRow>(
      this.ds.manager,
      `SELECT id::text, ${cursorTime('at')} AS at, event_id, type, case_no, actor, data FROM routing.audit_log
        WHERE ($1::text IS NULL OR case_no = $1)
          AND ($2::text IS NULL OR actor->>'id' = $2 OR actor->>'onBehalfOf' = $2)
          AND ($3::timestamptz IS NULL OR at >= $3)
          AND ($4::timestamptz IS NULL OR at <= $4)
          AND ($5::timestamptz IS NULL OR (at, 'R'::text, id) < ($5::timestamptz, $6::text, $7::bigint))
        ORDER BY at DESC, id DESC LIMIT $8`,
      [q.caseNo ?? null, q.user ?? null, q.from ?? null, q.to ?? null, q.before?.at ?? null, q.before?.tag ?? null, q.before?.seq ?? null, q.limit],
    );
    return rows.map((r) => ({ seq: r.id, at: r.at, eventId: r.event_id, type: r.type, caseNo: r.case_no, actor: r.actor, data: r.data }));
  }

  async head(): Promise<{ seq: number; hash: string }> {
    const row = await queryOne<{ seq: string; hash: string }>(this.ds.manager, `SELECT seq::text, hash FROM routing.audit_chain WHERE chain = 'case-events'`);
    return { seq: Number(row?.seq ?? 0), hash: row?.hash ?? '' };
  }

  async bounds(from?: string, to?: string): Promise<{ minId: number | null; maxId: number | null }> {
    const row = await queryOne<{ min: string | null; max: string | null }>(
      this.ds.manager,
      `SELECT min(id)::text AS min, max(id)::text AS max FROM routing.audit_log
        WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at <= $2)`,
      [from ?? null, to ?? null],
    );
    return { minId: row?.min ? Number(row.min) : null, maxId: row?.max ? Number(row.max) : null };
  }

  async entries(fromId: number, toId: number, limit: number): Promise<ChainEntry[]> {
    const rows = await queryRows<AuditLogRow>(
      this.ds.manager,
      `SELECT id::text, ${AT_MS} AS at, event_id, type, case_no, actor, data, prev_hash, hash FROM routing.audit_log
        WHERE id BETWEEN $1 AND $2 ORDER BY id LIMIT $3`,
      [fromId, toId, limit],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      prevHash: r.prev_hash,
      hash: r.hash,
      content: caseEventContent({ eventId: r.event_id, at: r.at, type: r.type, caseNo: r.case_no, actor: r.actor, data: r.data }),
    }));
  }
}
