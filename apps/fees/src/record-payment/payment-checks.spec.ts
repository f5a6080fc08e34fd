import { amountProblem, paymentRequestProblems } from './payment-checks.js';

describe('paymentRequestProblems', () => {
  it('lists every missing field at once', () => {
    expect(paymentRequestProblems({}).map((p) => p.field)).toEqual(['noticeNo', 'channel', 'reference', 'amountFen']);
  });

  it('refuses a blank reference and an over-long channel', () => {
    const problems = paymentRequestProblems({ noticeNo: 'PN20261124000001', amountFen: 9000, channel: 'x'.repeat(33), reference: '  ' });
    expect(problems.map((p) => `${p.field}:${p.rule}`)).toEqual(['channel:maxLength', 'reference:required']);
  });

  it('accepts a complete request', () => {
    expect(paymentRequestProblems({ noticeNo: 'PN20261124000001', amountFen: 9000, channel: 'UNIONPAY', reference: 'T-1' })).toEqual([]);
  });
});

describe('amountProblem', () => {
  it('accepts exactly the outstanding amount', () => {
    expect(amountProblem(9000, 9000)).toBeNull();
  });

  it.each([8999, 9001, 9000.5, 0])('refuses %p against 9000 outstanding', (amount) => {
    expect(amountProblem(amount, 9000)).toMatchObject({ field: 'amountFen', rule: 'equalsOutstanding' });
  });
});
