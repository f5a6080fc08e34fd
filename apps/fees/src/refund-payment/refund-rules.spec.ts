import { isRefusal, planRefund, refundableFen, type RefundableState } from './refund-rules.js';

const shares = [
  { department: 'NRB', amountFen: 8000 },
  { department: 'TAX', amountFen: 1000 },
];
const none = new Map<string, number>();

function state(over: Partial<RefundableState> = {}): RefundableState {
  return { withdrawn: true, appliedPaidFen: 9000, appliedRefundedFen: 0, doublePayments: [], appliedChannel: 'POS', ...over };
}

describe('refund limits', () => {
  it('a paid case that is not withdrawn has nothing refundable but its double payments', () => {
    expect(refundableFen(state({ withdrawn: false }))).toBe(0);
    expect(refundableFen(state({ withdrawn: false, doublePayments: [{ id: 'p2', channel: 'UNIONPAY', amountFen: 9000, refundedFen: 2000 }] }))).toBe(7000);
  });

  it('never more than paid minus already refunded', () => {
    expect(refundableFen(state({ appliedRefundedFen: 5000 }))).toBe(4000);
    const over = planRefund(state({ appliedRefundedFen: 5000 }), 4001, shares, new Map([['NRB', 5000]]));
    expect(isRefusal(over) && over.rule).toBe('exceedsRefundable');
    expect(isRefusal(over) && over.maxFen).toBe(4000);
    expect(isRefusal(planRefund(state({ appliedRefundedFen: 5000 }), 4000, shares, new Map([['NRB', 5000]])))).toBe(false);
  });

  it('returns double payments first, one at a time', () => {
    const s = state({ doublePayments: [{ id: 'p2', channel: 'UNIONPAY', amountFen: 9000, refundedFen: 0 }] });
    expect(refundableFen(s)).toBe(18000);
    const first = planRefund(s, 9000, shares, none);
    expect(first).toEqual({ kind: 'DOUBLE_PAYMENT', paymentId: 'p2', channel: 'UNIONPAY', split: [] });
    const tooMuch = planRefund(s, 9001, shares, none);
    expect(isRefusal(tooMuch) && tooMuch.rule).toBe('exceedsDoublePayment');
  });

  it('charges a notice refund to the departments in line order, each up to its share', () => {
    expect(planRefund(state(), 5000, shares, none)).toEqual({ kind: 'NOTICE', channel: 'POS', split: [{ department: 'NRB', amountFen: 5000 }] });
    expect(planRefund(state({ appliedRefundedFen: 5000 }), 4000, shares, new Map([['NRB', 5000]]))).toEqual({
      kind: 'NOTICE',
      channel: 'POS',
      split: [
        { department: 'NRB', amountFen: 3000 },
        { department: 'TAX', amountFen: 1000 },
      ],
    });
  });

  it('charges one department when asked, within its share', () => {
    expect(planRefund(state(), 1000, shares, none, 'TAX')).toEqual({ kind: 'NOTICE', channel: 'POS', split: [{ department: 'TAX', amountFen: 1000 }] });
    const over = planRefund(state(), 1001, shares, none, 'TAX');
    expect(isRefusal(over) && over.rule).toBe('exceedsDepartmentShare');
    const unknown = planRefund(state(), 1, shares, none, 'PSB');
    expect(isRefusal(unknown) && unknown.rule).toBe('unknownDepartment');
  });
});
