import type { EntityManager } from 'typeorm';
import type { Actor, AuditAction } from '#libs/contracts';
import { newId } from '#libs/messaging';

export interface AuditEntry {
  actor: Actor;
  action: AuditAction;
  /** The department whose audit trail shows the entry: the one acted for. */
  department: string;
  taskId?: string;
  caseNo?: string;
  details?: Record<string, unknown>;
}

/** Written in the transaction of the action it records: an action and its audit entry commit together or not at all. */
export async function writeAudit(m: EntityManager, e: AuditEntry): Promise<void> {
  await m.query(
    `INSERT INTO approval.audit_log (id, actor, action, department, task_id, case_no, details)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7::jsonb)`,
    [newId(), JSON.stringify(e.actor), e.action, e.department, e.taskId ?? null, e.caseNo ?? null, JSON.stringify(e.details ?? {})],
  );
}
