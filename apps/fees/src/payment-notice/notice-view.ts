import { toShanghai } from '#libs/calendar';
import type { FeeLine, NoticeView } from '#libs/contracts';

/** A payment_notices row as PostgreSQL returns it: bigint arrives as a string. */
export interface NoticeRow {
  notice_no: string;
  case_no: string;
  items: FeeLine[];
  total_fen: string;
  paid_fen: string;
  status: NoticeView['status'];
  issued_at: Date;
  paid_at: Date | null;
  version: number;
}

export const NOTICE_COLUMNS = 'notice_no, case_no, items, total_fen, paid_fen, status, issued_at, paid_at, version';

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
