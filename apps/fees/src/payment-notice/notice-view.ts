import { toShanghai } from '#libs/calendar';
import type { NoticeView } from '#libs/contracts';
import type { NoticeRow } from './notice.repository.js';

export function toNoticeView(r: NoticeRow): NoticeView {
  const view: NoticeView = {
    noticeNo: r.notice_no,
    caseNo: r.case_no,
    items: r.items,
    totalFen: Number(r.total_fen),
    paidFen: Number(r.paid_fen),
    status: r.status,
    issuedAt: toShanghai(r.issued_at)!,
  };
  if (r.paid_at) view.paidAt = toShanghai(r.paid_at)!;
  return view;
}

export function outstandingFen(r: NoticeRow): number {
  return Number(r.total_fen) - Number(r.paid_fen);
}
