/** Events the fees service publishes (一窗式收费). Composed into `Events` and `EventDataMap` in ../events.ts. */
export const FeesEvents = {
  NoticeIssued: 'fees.notice.issued.v1',
  PaymentRecorded: 'fees.payment.recorded.v1',
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
}

export interface PaymentRecordedData {
  noticeNo: string;
  amountFen: number;
  channel: string;
  reference: string;
}

export interface FeesSettledData {
  reason: 'NO_FEE' | 'PAID';
  noticeNo?: string;
  totalFen: number;
}

export interface FeesEventDataMap {
  [FeesEvents.NoticeIssued]: NoticeIssuedData;
  [FeesEvents.PaymentRecorded]: PaymentRecordedData;
  [FeesEvents.FeesSettled]: FeesSettledData;
}
