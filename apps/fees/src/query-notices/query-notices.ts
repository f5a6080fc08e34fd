import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCodes, type NoticeView } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';
import { NOTICE_COLUMNS, toNoticeView, type NoticeRow } from '../payment-notice/notice-view.js';

const STATUSES: readonly NoticeView['status'][] = ['UNPAID', 'PAID', 'VOID', 'REFUND_DUE', 'REFUNDED'];

/** What the finance window and the case page read about payment notices. */
@Injectable()
export class QueryNotices {
  constructor(private readonly ds: DataSource) {}

  async list(query: { status?: string } | undefined): Promise<NoticeView[]> {
    const status = query?.status;
    if (status !== undefined && !STATUSES.includes(status as NoticeView['status'])) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'status', rule: 'isIn', message: `status is one of ${STATUSES.join(', ')}` }]);
    }
    const rows = await queryRows<NoticeRow>(
      this.ds.manager,
      `SELECT ${NOTICE_COLUMNS} FROM fees.payment_notices
        WHERE ($1::text IS NULL OR status = $1)
        ORDER BY issued_at DESC, notice_no DESC`,
      [status ?? null],
    );
    return rows.map(toNoticeView);
  }

  async ofCase(query: { caseNo?: string } | undefined): Promise<NoticeView | null> {
    const caseNo = query?.caseNo;
    if (typeof caseNo !== 'string' || caseNo.trim() === '') {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required' }]);
    }
    const row = await queryOne<NoticeRow>(this.ds.manager, `SELECT ${NOTICE_COLUMNS} FROM fees.payment_notices WHERE case_no = $1`, [caseNo.trim()]);
    return row ? toNoticeView(row) : null;
  }
}
