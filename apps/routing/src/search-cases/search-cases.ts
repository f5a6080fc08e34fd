import { Injectable } from '@nestjs/common';
import { toShanghai, fromShanghai } from '#libs/calendar';
import { AppError, CaseStatus, ErrorCodes, type CaseSearchPage, type CaseSearchQuery, type Problem } from '#libs/contracts';
import { decodeCursor, pageSize, paginate } from '#libs/persistence';
import { WorkflowRepository } from '../workflow/workflow.repository.js';

const CASE_NO = /^\d{20}[\dX]$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES = Object.values(CaseStatus) as string[];

/** Finds cases for the window and supervisors: by status, item and acceptance days, newest first, cursor-paged. */
@Injectable()
export class SearchCases {
  constructor(private readonly workflows: WorkflowRepository) {}

  async execute(q: CaseSearchQuery): Promise<CaseSearchPage> {
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

    const rows = await this.workflows.search(
      {
        status: q.status,
        itemCode: q.itemCode,
        acceptedFrom: q.acceptedFrom ? fromShanghai(q.acceptedFrom) : undefined,
        // acceptedTo is a whole day: up to the start of the next.
        acceptedBefore: q.acceptedTo ? new Date(fromShanghai(q.acceptedTo).getTime() + 86_400_000) : undefined,
        after: after ?? undefined,
      },
      limit!,
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
