/** Events the fees service publishes (一窗式收费). Composed into `Events` and `EventDataMap` in ../events.ts. */
export const FeesEvents = {
  NoticeIssued: 'fees.notice.issued.v1',
  NoticeReissued: 'fees.notice.reissued.v1',
  PaymentRecorded: 'fees.payment.recorded.v1',
  RefundRecorded: 'fees.refund.recorded.v1',
  FeesSettled: 'fees.case.settled.v1',
} as const;

export interface FeeLine {
  code: string;
  name: string;
  department: string;
  amountFen: number;
  quantity?: number;
}

export interface NoticeIssuedData {
  noticeNo: string;
  items: FeeLine[];
  totalFen: number;
  /** Payable until this UTC instant; absent on notices issued before notices expired. */
  expiresAt?: string;
}

/** FINANCE replaced an expired notice: the old one is VOID, the new one payable. */
export interface NoticeReissuedData {
  previousNoticeNo: string;
  noticeNo: string;
  totalFen: number;
  expiresAt: string;
  reason?: string;
}

export interface PaymentRecordedData {
  noticeNo: string;
  amountFen: number;
  channel: string;
  reference: string;
  /** WINDOW: the finance window recorded it; CALLBACK: a bank or online channel reported it. Absent: WINDOW. */
  source?: 'WINDOW' | 'CALLBACK';
  /** false: a double payment (the notice was paid already); the money is owed back. Absent: true. */
  applied?: boolean;
  /** When the payer paid (UTC instant). */
  paidAt?: string;
}

/** Money returned to the payer (退费). */
export interface RefundRecordedData {
  refundNo: string;
  noticeNo: string;
  amountFen: number;
  channel: string;
  reason: string;
  /** What is still owed back after this refund. */
  remainingFen: number;
  /** The notice's status after the refund (REFUND_DUE while money is still owed, REFUNDED when all is returned). */
  noticeStatus: string;
}

export interface FeesSettledData {
  reason: 'NO_FEE' | 'PAID';
  noticeNo?: string;
  totalFen: number;
}

export interface FeesEventDataMap {
  [FeesEvents.NoticeIssued]: NoticeIssuedData;
  [FeesEvents.NoticeReissued]: NoticeReissuedData;
  [FeesEvents.PaymentRecorded]: PaymentRecordedData;
  [FeesEvents.RefundRecorded]: RefundRecordedData;
  [FeesEvents.FeesSettled]: FeesSettledData;
}
