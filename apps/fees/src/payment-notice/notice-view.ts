import { toShanghai } from '#libs/calendar';
import type { DepartmentAmount, NoticeStatus, NoticeView } from '#libs/contracts';
import { isExpired } from './notice-expiry.js';
import type { NoticeRow } from './notice.repository.js';
import type { PaymentRow } from './payment.repository.js';
import type { RefundRow } from './refund.repository.js';

/** EXPIRED is never stored: an UNPAID notice past its expiry shows as EXPIRED the moment it passes. */
export function statusOf(r: Pick<NoticeRow, 'status' | 'expires_at'>, now: Date): NoticeStatus {
  return r.status === 'UNPAID' && isExpired(r.expires_at, now) ? 'EXPIRED' : r.status;
}

/** The notice per collecting department, with each one's payee account, in the order of the lines. */
export function splitOf(items: NoticeRow['items']): DepartmentAmount[] {
  const byDepartment = new Map<string, DepartmentAmount>();
  for (const line of items) {
    const d = byDepartment.get(line.department);
    if (d) d.amountFen += line.amountFen;
    else byDepartment.set(line.department, { department: line.department, departmentName: line.departmentName, amountFen: line.amountFen, payee: line.payee });
  }
  return [...byDepartment.values()];
}

export function isWithdrawnAfterPayment(r: Pick<NoticeRow, 'status'>): boolean {
  return r.status === 'REFUND_DUE' || r.status === 'REFUNDED';
}

export function refundableOf(r: NoticeRow): number {
  const doubleLeft = Number(r.double_fen) - Number(r.double_refunded_fen);
  const appliedRefunded = Number(r.refunded_fen) - Number(r.double_refunded_fen);
  return (isWithdrawnAfterPayment(r) ? Number(r.paid_fen) - appliedRefunded : 0) + doubleLeft;
}

export function toNoticeView(r: NoticeRow, now: Date, detail?: { payments: PaymentRow[]; refunds: RefundRow[] }): NoticeView {
  const view: NoticeView = {
    noticeNo: r.notice_no,
    caseNo: r.case_no,
    items: r.items,
    split: splitOf(r.items),
    totalFen: Number(r.total_fen),
    paidFen: Number(r.paid_fen),
    refundedFen: Number(r.refunded_fen),
    refundableFen: refundableOf(r),
    status: statusOf(r, now),
    issuedAt: toShanghai(r.issued_at)!,
  };
  if (r.item_name) view.itemName = r.item_name;
  if (r.center_code) view.centerCode = r.center_code;
  if (r.expires_at) view.expiresAt = toShanghai(r.expires_at)!;
  if (r.paid_at) view.paidAt = toShanghai(r.paid_at)!;
  if (r.closed_at) view.closedAt = toShanghai(r.closed_at)!;
  if (r.close_reason) view.closeReason = r.close_reason;
  if (r.replaces) view.replaces = r.replaces;
  if (r.replaced_by) view.replacedBy = r.replaced_by;
  if (detail) {
    view.payments = detail.payments.map((p) => ({
      amountFen: Number(p.amount_fen),
      channel: p.channel,
      reference: p.reference,
      source: p.source,
      applied: p.applied,
      paidAt: toShanghai(p.paid_at)!,
    }));
    view.refunds = detail.refunds.map((f) => ({
      refundNo: f.refund_no,
      noticeNo: f.notice_no,
      amountFen: Number(f.amount_fen),
      channel: f.channel,
      reason: f.reason,
      refundedBy: f.refunded_by,
      refundedAt: toShanghai(f.refunded_at)!,
    }));
  }
  return view;
}

export function outstandingFen(r: NoticeRow): number {
  return Number(r.total_fen) - Number(r.paid_fen);
}
