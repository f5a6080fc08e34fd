import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import { AppError, DEPARTMENT_CODE, ErrorCodes, type AuditPage, type AuditQuery, type Problem } from '#libs/contracts';
import { decodeCursor, pageSize, paginate } from '#libs/persistence';
import { AUDIT_ACTIONS, type AuditAction } from '#libs/contracts';
import { AuditLogRepository } from './audit-log.repository.js';

/** A department's audit trail, newest first, a page at a time (the cursor is (at, id), walked downwards). */
@Injectable()
export class DepartmentAudit {
  constructor(private readonly audit: AuditLogRepository) {}

  async execute(query: unknown): Promise<AuditPage> {
    const q = (query ?? {}) as Partial<Record<keyof AuditQuery, unknown>>;
    const problems: Problem[] = [];
    if (typeof q.department !== 'string' || !DEPARTMENT_CODE.test(q.department)) problems.push({ field: 'department', rule: 'isDepartment', message: 'department must be a department code.' });
    if (q.action !== undefined && q.action !== null && !AUDIT_ACTIONS.includes(q.action as AuditAction)) {
      problems.push({ field: 'action', rule: 'isIn', message: `action must be one of ${AUDIT_ACTIONS.join(', ')}.` });
    }
    const after = q.cursor === undefined || q.cursor === null ? undefined : decodeCursor(q.cursor as string);
    if (after === null) problems.push({ field: 'cursor', rule: 'isCursor', message: 'cursor must be a nextCursor from an earlier page.' });
    const limit = pageSize(q.limit);
    if (limit === null) problems.push({ field: 'limit', rule: 'range', message: 'limit must be a whole number from 1 to 200.' });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);

    const rows = await this.audit.page(
      { department: q.department as string, action: (q.action as AuditAction | null | undefined) ?? undefined, after: after ?? undefined },
      limit!,
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
