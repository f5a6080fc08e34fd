import type { Command } from '../rpc.js';
import type { HealthReport } from '../health.js';

/** What the fees service answers on request/reply; composed into `Rpc` and `RpcMap`. */
export const FeesRpc = {
  health: 'rpc.fees.health',
  listNotices: 'rpc.fees.notices.list',
  noticeOfCase: 'rpc.fees.notice.of-case',
  recordPayment: 'rpc.fees.payment.record',
} as const;

export interface RecordPaymentRequest {
  noticeNo: string;
  amountFen: number;
  channel: string;
  reference: string;
}

/** rpc.fees.notices.list {status?}, rpc.fees.notice.of-case {caseNo} (→ NoticeView | null), rpc.fees.payment.record. */
export interface NoticeView {
  noticeNo: string;
  caseNo: string;
  items: { code: string; name: string; department: string; amountFen: number; quantity?: number }[];
  totalFen: number;
  paidFen: number;
  /** VOID: the case was withdrawn before payment; REFUND_DUE: withdrawn after payment, refund not made yet. */
  status: 'UNPAID' | 'PAID' | 'VOID' | 'REFUND_DUE' | 'REFUNDED';
  issuedAt: string;
  paidAt?: string;
}

export interface FeesRpcMap {
  [FeesRpc.health]: { request: Record<string, never>; reply: HealthReport };
  [FeesRpc.listNotices]: { request: { status?: string }; reply: NoticeView[] };
  [FeesRpc.noticeOfCase]: { request: { caseNo: string }; reply: NoticeView | null };
  [FeesRpc.recordPayment]: { request: Command<RecordPaymentRequest>; reply: NoticeView };
}
