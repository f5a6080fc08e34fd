import type { DailyReconciliation } from '#libs/contracts';

const cf = (count: number, fen: number) => ({ count, fen });
const zero = cf(0, 0);

/** One coherent day, for the OpenAPI example and the CSV tests: every total adds up. */
export const RECONCILIATION_EXAMPLE: DailyReconciliation = {
  date: '2026-11-24',
  from: '2026-11-24T00:00:00+08:00',
  to: '2026-11-25T00:00:00+08:00',
  generatedAt: '2026-11-25T09:00:02+08:00',
  refundOverdueDays: 5,
  totals: {
    issued: cf(3, 29000),
    paid: cf(2, 20000),
    doublePaid: cf(1, 9000),
    refunded: cf(1, 3000),
    voided: cf(1, 9000),
    expired: zero,
    departmentsNetFen: 17000,
    netFen: 26000,
  },
  channels: [
    { channel: 'POS', paid: cf(1, 11000), doublePaid: zero, refunded: cf(1, 3000), netFen: 8000 },
    { channel: 'WECHAT', paid: cf(1, 9000), doublePaid: cf(1, 9000), refunded: zero, netFen: 18000 },
  ],
  departments: [
    { department: 'NRB', departmentName: '自然资源和规划局', issued: cf(3, 26000), paid: cf(2, 17000), refunded: cf(1, 3000), voided: cf(1, 9000), expired: zero, netFen: 14000 },
    { department: 'TAX', departmentName: '税务局', issued: cf(1, 3000), paid: cf(1, 3000), refunded: zero, voided: zero, expired: zero, netFen: 3000 },
  ],
  unallocated: { paid: zero, doublePaid: cf(1, 9000), refunded: zero, netFen: 9000 },
  exceptions: [
    {
      kind: 'DOUBLE_PAYMENT',
      caseNo: '510704202611230000427',
      noticeNo: 'PN202611240000012',
      amountFen: 9000,
      channel: 'WECHAT',
      reference: '4200001234202611240123456789',
      at: '2026-11-24T14:03:11+08:00',
      detail: '9000 fen received (CALLBACK) for notice PN202611240000012, which was already paid: refund it.',
    },
    {
      kind: 'CALLBACK_UNKNOWN_NOTICE',
      noticeNo: 'PN202611249999990',
      amountFen: 5000,
      channel: 'ONLINE_BANKING',
      reference: 'ICBC-20261124-0042',
      at: '2026-11-24T16:20:45+08:00',
      detail: 'The bank reported 5000 fen (paid at the bank 2026-11-24T16:20:40+08:00) for notice PN202611249999990, which does not exist.',
    },
  ],
};
