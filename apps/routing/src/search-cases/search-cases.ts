import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai, fromShanghai } from '#libs/calendar';
import { AppError, CaseStatus, ErrorCodes, type CaseSearchPage, type CaseSearchQuery, type Problem } from '#libs/contracts';
import { cursorTime, decodeCursor, pageSize, paginate, queryRows } from '#libs/persistence';

const CASE_NO = /^\d{20}[\dX]$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES = Object.values(CaseStatus) as string[];

interface Row {
  case_no: string;
  item_code: string;
  item_name: string;
  status: CaseStatus;
  accepted_at: Date;
  at_key: string;
  promised_deadline: Date;
  legal_deadline: Date;
}

/** Finds cases for the window and supervisors: by status, item and acceptance days, newest first, cursor-paged. */
@Injectable()
export class SearchCases {
  constructor(private readonly ds: DataSource) {}

  async run(q: CaseSearchQuery): Promise<CaseSearchPage> {
    const problems: Problem[] = [];
    const limit = pageSize(q.limit);
    if (limit === null) problems.push({ field: 'limit', rule: 'range', message: 'limit must be a whole number from 1 to 200' });
    const after = q.cursor ? decodeCursor(q.cursor, CASE_NO) : undefined;
    if (after === null) problems.push({ field: 'cursor', rule: 'isCursor', message: 'cursor must be a nextCursor from an earlier page' });
    if (q.status !== undefined && !STATUSES.includes(q.status)) problems.push({ field: 'status', rule: 'isIn', message: `status must be one of ${STATUSES.join(', ')}` });
    for (const field of ['acceptedFrom', 'acceptedTo'] as const) {
      const v = q[field];
      if (v !== undefined && (!DAY.test(v) || Number.isNaN(fromShanghai(v).getTime()))) problems.push({ field, rule: 'isDate', message: `${field} must be a day, YYYY-MM-DD` });
    }
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);

    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.status) add('status = ?', q.status);
    if (q.itemCode) add('item_code = ?', q.itemCode);
    if (q.acceptedFrom) add('accepted_at >= ?', fromShanghai(q.acceptedFrom));
    if (q.acceptedTo) add('accepted_at < ?', new Date(fromShanghai(q.acceptedTo).getTime() + 86_400_000));
    if (after) {
      params.push(after.at, after.id);
      where.push(`(accepted_at, case_no) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(limit! + 1);
    const rows = await queryRows<Row>(
      this.ds.manager,
      `SELECT case_no, item_code, item_name, status, accepted_at, ${cursorTime('accepted_at')} AS at_key, promised_deadline, legal_deadline
         FROM routing.workflows
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY accepted_at DESC, case_no DESC
        LIMIT $${params.length}`,
      params,
    );
    const { page, nextCursor } = paginate(rows, limit!, (r) => ({ at: r.at_key, id: r.case_no }));
    return {
      items: page.map((r) => ({
        caseNo: r.case_no,
        itemCode: r.item_code,
        itemName: r.item_name,
        status: r.status,
        acceptedAt: toShanghai(r.accepted_at)!,
        promisedDeadline: toShanghai(r.promised_deadline)!,
        legalDeadline: toShanghai(r.legal_deadline)!,
      })),
      nextCursor,
    };
  }
}
