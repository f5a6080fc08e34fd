import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditPosition } from '#libs/contracts';
import { AUDIT_LINK_SQL, cursorTime, queryOne, queryRows, type ChainEntry, type ChainSource } from '#libs/persistence';
import { requestEntryContent, type RequestEntry } from './request-entry.js';

interface AuditLogRow {
  id: string;
  at: string;
  username: string | null;
  role: string | null;
  on_behalf_of: string | null;
  department: string | null;
  method: string;
  route: string;
  params: Record<string, string>;
  case_no: string | null;
  center: string | null;
  ip: string | null;
  status: number;
  code: string | null;
  data: Record<string, string | boolean>;
  correlation_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface StoredRequestEntry extends RequestEntry {
  seq: string;
  /** UTC to the microsecond (the cursor's time). */
  cursorAt: string;
}

export interface RequestAuditFilter {
  caseNo?: string;
  user?: string;
  from?: string;
  to?: string;
  before?: AuditPosition;
  limit: number;
}

const AT_MS = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `id::text, ${AT_MS} AS at, ${cursorTime('at')} AS cursor_at, username, role, on_behalf_of, department, method, route, params,
  case_no, center, ip, status, code, data, correlation_id, prev_hash, hash`;

const toEntry = (r: AuditLogRow): RequestEntry => ({
  at: r.at,
  user: r.username,
  role: r.role,
  onBehalfOf: r.on_behalf_of,
  department: r.department,
  method: r.method,
  route: r.route,
  params: r.params,
  caseNo: r.case_no,
  center: r.center,
  ip: r.ip,
  status: r.status,
  code: r.code,
  data: r.data,
  correlationId: r.correlation_id,
});

/**
 * gateway.audit_log, the requests' audit chain. One statement appends: the chain head's UPDATE numbers the entry,
 * keeps the hash before it and computes its hash (AUDIT_LINK_SQL), under a row lock held only for that statement.
 * The database refuses UPDATE and DELETE on the log (migration 1764700000700).
 */
@Injectable()
export class AuditRepository implements ChainSource {
  constructor(private readonly ds: DataSource) {}

  async append(e: RequestEntry): Promise<void> {
    await this.ds.manager.query(
      `WITH link AS (
         UPDATE gateway.audit_chain SET ${AUDIT_LINK_SQL('$1::text')} WHERE chain = 'requests' RETURNING seq, prev_hash, hash)
       INSERT INTO gateway.audit_log (id, at, username, role, on_behalf_of, department, method, route, params, case_no, center, ip,
                                      status, code, data, correlation_id, prev_hash, hash)
       SELECT link.seq, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13::int, $14, $15::jsonb, $16,
              link.prev_hash, link.hash FROM link`,
      [
        requestEntryContent(e),
        e.at,
        e.user,
        e.role,
        e.onBehalfOf,
        e.department,
        e.method,
        e.route,
        JSON.stringify(e.params),
        e.caseNo,
        e.center,
        e.ip,
        e.status,
        e.code,
        JSON.stringify(e.data),
        e.correlationId,
      ],
    );
  }

  /** Newest first, strictly before `f.before` in the merged order (at, chain tag, number). */
  async list(f: RequestAuditFilter): Promise<StoredRequestEntry[]> {
    const rows = await queryRows<AuditLogRow & { cursor_at: string }>(
      this.ds.manager,
      `SELECT ${COLUMNS} FROM gateway.audit_log
        WHERE ($1::text IS NULL OR case_no = $1)
          AND ($2::text IS NULL OR username = $2 OR on_behalf_of = $2)
          AND ($3::timestamptz IS NULL OR at >= $3)
          AND ($4::timestamptz IS NULL OR at <= $4)
          AND ($5::timestamptz IS NULL OR (at, 'G'::text, id) < ($5::timestamptz, $6::text, $7::bigint))
        ORDER BY at DESC, id DESC LIMIT $8`,
      [f.caseNo ?? null, f.user ?? null, f.from ?? null, f.to ?? null, f.before?.at ?? null, f.before?.tag ?? null, f.before?.seq ?? null, f.limit],
    );
    return rows.map((r) => ({ ...toEntry(r), seq: r.id, cursorAt: r.cursor_at }));
  }

  async head(): Promise<{ seq: number; hash: string }> {
    const row = await queryOne<{ seq: string; hash: string }>(this.ds.manager, `SELECT seq::text, hash FROM gateway.audit_chain WHERE chain = 'requests'`);
    return { seq: Number(row?.seq ?? 0), hash: row?.hash ?? '' };
  }

  async bounds(from?: string, to?: string): Promise<{ minId: number | null; maxId: number | null }> {
    const row = await queryOne<{ min: string | null; max: string | null }>(
      this.ds.manager,
      `SELECT min(id)::text AS min, max(id)::text AS max FROM gateway.audit_log
        WHERE ($1::timestamptz IS NULL OR at >= $1) AND ($2::timestamptz IS NULL OR at <= $2)`,
      [from ?? null, to ?? null],
    );
    return { minId: row?.min ? Number(row.min) : null, maxId: row?.max ? Number(row.max) : null };
  }

  async entries(fromId: number, toId: number, limit: number): Promise<ChainEntry[]> {
    const rows = await queryRows<AuditLogRow>(this.ds.manager, `SELECT ${COLUMNS} FROM gateway.audit_log WHERE id BETWEEN $1 AND $2 ORDER BY id LIMIT $3`, [
      fromId,
      toId,
      limit,
    ]);
    return rows.map((r) => ({ id: Number(r.id), at: r.at, prevHash: r.prev_hash, hash: r.hash, content: requestEntryContent(toEntry(r)) }));
  }
}
