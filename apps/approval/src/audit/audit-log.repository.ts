import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, AuditAction } from '#libs/contracts';
import { newId } from '#libs/messaging';
import { cursorTime, queryRows, type CursorKey } from '#libs/persistence';

export interface AuditEntry {
  actor: Actor;
  action: AuditAction;
  /** The department whose audit trail shows the entry: the one acted for. */
  department: string;
  taskId?: string;
  caseNo?: string;
  details?: Record<string, unknown>;
}

export interface AuditRow {
  id: string;
  at: Date;
  at_key: string;
  actor: Actor;
  action: string;
  department: string;
  task_id: string | null;
  case_no: string | null;
  details: Record<string, unknown>;
}

/** approval.audit_log: what was done in each department's name, by whom. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly ds: DataSource) {}

  /** Written in the transaction of the action it records: an action and its audit entry commit together or not at all. */
  async write(m: EntityManager, e: AuditEntry): Promise<void> {
    await m.query(
      `INSERT INTO approval.audit_log (id, actor, action, department, task_id, case_no, details)
       VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7::jsonb)`,
      [newId(), JSON.stringify(e.actor), e.action, e.department, e.taskId ?? null, e.caseNo ?? null, JSON.stringify(e.details ?? {})],
    );
  }

  /** Newest first, walking the (at, id) cursor downwards, one row past `limit` (see paginate). */
  page(q: { department: string; action?: string; after?: CursorKey }, limit: number): Promise<AuditRow[]> {
    return queryRows<AuditRow>(
      this.ds.manager,
      `SELECT id, at, ${cursorTime('at')} AS at_key, actor, action, department, task_id, case_no, details
         FROM approval.audit_log
        WHERE department = $1
          AND ($2::text IS NULL OR action = $2)
          AND ($3::timestamptz IS NULL OR (at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY at DESC, id DESC
        LIMIT $5`,
      [q.department, q.action ?? null, q.after?.at ?? null, q.after?.id ?? null, limit + 1],
    );
  }
}
