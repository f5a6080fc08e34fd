import type { Command } from '../rpc.js';
import type { HealthReport } from '../health.js';
import type { DailyReconciliation, ReconciliationQuery } from './reconciliation.js';

/** What the fees service answers on request/reply; composed into `Rpc` and `RpcMap`. */
export const FeesRpc = {
  health: 'rpc.fees.health',
  listNotices: 'rpc.fees.notices.list',
  noticeOfCase: 'rpc.fees.notice.of-case',
  getNotice: 'rpc.fees.notice.get',
  recordPayment: 'rpc.fees.payment.record',
  bankCallback: 'rpc.fees.payment.callback',
  reissueNotice: 'rpc.fees.notice.reissue',
  refund: 'rpc.fees.refund.record',
  reconcileDay: 'rpc.fees.reconciliation.daily',
} as const;

/** Where the money for one department goes (非税收入汇缴账户): department data kept by the fees service. */
export interface PayeeAccount {
  accountName: string;
  bank: string;
  accountNo: string;
}

export const NOTICE_STATUSES = ['UNPAID', 'EXPIRED', 'PAID', 'VOID', 'REFUND_DUE', 'REFUNDED'] as const;
/**
 * UNPAID: payable until expiresAt. EXPIRED: past expiresAt unpaid (derived, never stored: it cannot lag); FINANCE
 * reissues it. VOID: withdrawn or rejected before payment, or replaced by a reissued notice. REFUND_DUE: paid and the
 * case withdrawn, money not (fully) returned yet. REFUNDED: everything paid has been returned.
 */
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const PAYMENT_CHANNELS = ['CASH_REGISTER', 'POS', 'WECHAT', 'ALIPAY', 'BANK_TRANSFER', 'UNIONPAY', 'BANK_COUNTER', 'ONLINE_BANKING'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export interface RecordPaymentRequest {
  noticeNo: string;
  amountFen: number;
  channel: string;
  reference: string;
}

/** What a bank or online channel reports, after the gateway checked its signature. */
export interface BankCallbackRequest {
  noticeNo: string;
  amountFen: number;
  bankReference: string;
  channel: string;
  /** The bank's time of payment, an ISO-8601 instant with offset. */
  paidAt: string;
}

/** The answer a bank gets, and gets again when it retries with the same bankReference. */
export interface BankCallbackReply {
  status: number;
  body: { outcome: BankCallbackOutcome; noticeNo: string; bankReference: string; code?: string; message?: string; notice?: NoticeView };
}
export type BankCallbackOutcome = 'PAID' | 'DOUBLE_PAYMENT' | 'UNKNOWN_NOTICE' | 'NOT_PAYABLE' | 'EXPIRED' | 'AMOUNT_MISMATCH';

export interface ReissueNoticeRequest {
  noticeNo: string;
  reason?: string;
}

export interface RefundRequest {
  noticeNo: string;
  amountFen: number;
  reason: string;
  /** Returned through this channel; defaults to the channel of the payment being returned. */
  channel?: string;
  /** Charge the refund to this department's share; absent: the departments in the order of the notice's lines. */
  department?: string;
}

export interface DepartmentAmount {
  department: string;
  departmentName?: string;
  amountFen: number;
  payee?: PayeeAccount;
}

export interface NoticeLineView {
  code: string;
  name: string;
  department: string;
  departmentName?: string;
  amountFen: number;
  quantity?: number;
  payee?: PayeeAccount;
}

export interface RefundView {
  refundNo: string;
  noticeNo: string;
  amountFen: number;
  channel: string;
  reason: string;
  refundedBy: string;
  refundedAt: string;
}

export interface PaymentView {
  amountFen: number;
  channel: string;
  reference: string;
  source: 'WINDOW' | 'CALLBACK';
  /** false: a double payment, received but not owed; refundable. */
  applied: boolean;
  paidAt: string;
}

/** rpc.fees.notices.list, rpc.fees.notice.of-case (→ NoticeView | null: the case's current notice), rpc.fees.notice.get. */
export interface NoticeView {
  noticeNo: string;
  caseNo: string;
  itemName?: string;
  centerCode?: string;
  items: NoticeLineView[];
  /** The notice split per collecting department, with its payee account (分账). */
  split: DepartmentAmount[];
  totalFen: number;
  paidFen: number;
  refundedFen: number;
  /** What may still be refunded: double payments always, the rest only once the case is withdrawn. */
  refundableFen: number;
  status: NoticeStatus;
  issuedAt: string;
  /** Payable until this instant (the end of the last valid day in Asia/Shanghai). */
  expiresAt?: string;
  paidAt?: string;
  closedAt?: string;
  closeReason?: string;
  /** The expired notice this one was reissued for, and the one that replaced this. */
  replaces?: string;
  replacedBy?: string;
  payments?: PaymentView[];
  refunds?: RefundView[];
}

export interface ListNoticesQuery {
  status?: string;
  department?: string;
  /** Issued on or after / on or before these Asia/Shanghai dates (YYYY-MM-DD). */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** Newest first; `nextCursor` is null on the last page (as the worklist). */
export interface NoticePage {
  items: NoticeView[];
  nextCursor: string | null;
}

/** The fee estimate (预计收费) shown at acceptance: the rules the assessment will apply (#libs/fee-rules). */
export interface FeeEstimate {
  lines: { code: string; name: string; department: string; amountFen: number; quantity?: number }[];
  totalFen: number;
}

export interface FeesRpcMap {
  [FeesRpc.health]: { request: Record<string, never>; reply: HealthReport };
  [FeesRpc.listNotices]: { request: ListNoticesQuery; reply: NoticePage };
  [FeesRpc.noticeOfCase]: { request: { caseNo: string }; reply: NoticeView | null };
  [FeesRpc.getNotice]: { request: { noticeNo: string }; reply: NoticeView };
  [FeesRpc.recordPayment]: { request: Command<RecordPaymentRequest>; reply: NoticeView };
  [FeesRpc.bankCallback]: { request: BankCallbackRequest; reply: BankCallbackReply };
  [FeesRpc.reissueNotice]: { request: Command<ReissueNoticeRequest>; reply: NoticeView };
  [FeesRpc.refund]: { request: Command<RefundRequest>; reply: NoticeView };
  [FeesRpc.reconcileDay]: { request: ReconciliationQuery; reply: DailyReconciliation };
}
