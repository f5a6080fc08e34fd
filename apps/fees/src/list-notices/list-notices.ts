import { Injectable } from '@nestjs/common';
import { fromShanghai } from '#libs/calendar';
import { AppError, checkCommand, ErrorCodes, ListNoticesSchema, type ListNoticesQuery, type NoticePage } from '#libs/contracts';
import { decodeCursor, paginate, type CursorKey } from '#libs/persistence';
import { NOTICE_NO } from '../payment-notice/notice-number.js';
import { toNoticeView } from '../payment-notice/notice-view.js';
import { NoticeRepository } from '../payment-notice/notice.repository.js';

const DAY_MS = 86_400_000;

/** The finance window's list: by status (EXPIRED derived), department and issue days, newest first, cursor-paged. */
@Injectable()
export class ListNotices {
  constructor(private readonly notices: NoticeRepository) {}

  async execute(query: ListNoticesQuery | undefined): Promise<NoticePage> {
    const q = checkCommand(ListNoticesSchema, query);
    let after: CursorKey | undefined;
    if (q.cursor !== undefined) {
      after = decodeCursor(q.cursor, NOTICE_NO) ?? undefined;
      if (!after) throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'cursor', rule: 'isCursor', message: 'cursor must be a nextCursor from an earlier page.' }]);
    }
    if (q.from && q.to && q.from > q.to) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'to', rule: 'notBeforeFrom', message: 'to must not be before from' }]);
    }
    const limit = q.limit ?? 50;
    const rows = await this.notices.list({
      status: q.status,
      department: q.department,
      from: q.from ? fromShanghai(q.from) : undefined,
      // `to` is a whole Shanghai day, included.
      to: q.to ? new Date(fromShanghai(q.to).getTime() + DAY_MS) : undefined,
      after,
      limit,
    });
    const { page, nextCursor } = paginate(rows, limit, (r) => ({ at: r.issued_key!, id: r.notice_no }));
    const now = new Date();
    return { items: page.map((r) => toNoticeView(r, now)), nextCursor };
  }
}
