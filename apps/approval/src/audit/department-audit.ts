import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, type Actor, type AuditPage, type AuditQuery, type Problem } from '#libs/contracts';
import { cursorTime, decodeCursor, pageSize, paginate, queryRows } from '#libs/persistence';
import { AUDIT_ACTIONS, type AuditAction } from '#libs/contracts';

interface AuditRow {
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

const DEPARTMENT = /^[A-Z0-9_-]{1,32}$/;

/** A department's audit trail, newest first, a page at a time (the cursor is (at, id), walked downwards). */
@Injectable()
export class DepartmentAudit {
  constructor(private readonly ds: DataSource) {}

  async run(query: unknown): Promise<AuditPage> {
    const q = (query ?? {}) as Partial<Record<keyof AuditQuery, unknown>>;
    const problems: Problem[] = [];
    if (typeof q.department !== 'string' || !DEPARTMENT.test(q.department)) problems.push({ field: 'department', rule: 'isDepartment', message: 'department must be a department code.' });
    if (q.action !== undefined && q.action !== null && !AUDIT_ACTIONS.includes(q.action as AuditAction)) {
      problems.push({ field: 'action', rule: 'isIn', message: `action must be one of ${AUDIT_ACTIONS.join(', ')}.` });
    }
    const after = q.cursor === undefined || q.cursor === null ? undefined : decodeCursor(q.cursor as string);
    if (after === null) problems.push({ field: 'cursor', rule: 'isCursor', message: 'cursor must be a nextCursor from an earlier page.' });
    const limit = pageSize(q.limit);
    if (limit === null) problems.push({ field: 'limit', rule: 'range', message: 'limit must be a whole number from 1 to 200.' });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);

    const rows = await queryRows<AuditRow>(
      this.ds.manager,
      `SELECT id, at, ${cursorTime('at')} AS at_key, actor, action, department, task_id, case_no, details
         FROM approval.audit_log
        WHERE department = $1
          AND ($2::text IS NULL OR action = $2)
          AND ($3::timestamptz IS NULL OR (at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY at DESC, id DESC
        LIMIT $5`,
      [q.department, q.action ?? null, after?.at ?? null, after?.id ?? null, limit! + 1],
    );
    const { page, nextCursor } = paginate(rows, limit!, (r) => ({ at: r.at_key, id: r.id }));
    return {
      items: page.map((r) => ({
        id: r.id,
        at: toShanghai(r.at)!,
        actor: r.actor,
        action: r.action,
        department: r.department,
        ...(r.task_id ? { taskId: r.task_id } : {}),
        ...(r.case_no ? { caseNo: r.case_no } : {}),
        details: r.details,
      })),
      nextCursor,
    };
  }
}
