import { AppError, checkCommand, isCalendarDate, ReconciliationQuerySchema } from '#libs/contracts';
import type { ExceptionRow, FigureRow } from '../reconciliation/reconciliation.repository.js';
import { shanghaiDay } from './day-window.js';
import { exceptionDetail, toDailyReconciliation } from './reconciliation-view.js';

describe('the reconciliation day', () => {
  it('is the Asia/Shanghai calendar day: [00:00+08:00, next day 00:00+08:00)', () => {
    expect(shanghaiDay('2026-11-24')).toEqual({
      date: '2026-11-24',
      start: new Date('2026-11-23T16:00:00.000Z'),
      end: new Date('2026-11-24T16:00:00.000Z'),
    });
  });

  it.each([
    ['2026-11-30', '2026-11-30T16:00:00.000Z'],
    ['2026-12-31', '2026-12-31T16:00:00.000Z'],
    ['2028-02-28', '2028-02-28T16:00:00.000Z'],
    ['2028-02-29', '2028-02-29T16:00:00.000Z'],
    ['2027-02-28', '2027-02-28T16:00:00.000Z'],
  ])('%s ends at the start of the next calendar day (%s), 24 hours after it began', (date, end) => {
    const day = shanghaiDay(date);
    expect(day.end.toISOString()).toBe(end);
    expect(day.end.getTime() - day.start.getTime()).toBe(86_400_000);
  });

  it('takes only real calendar days written YYYY-MM-DD', () => {
    for (const good of ['2026-11-24', '2028-02-29', '2000-01-01', '2026-12-31']) expect(isCalendarDate(good)).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-11-00', '2026-11-31', '1999-12-31', '2026-1-24', '20261124', '2026-11-24T00:00', ' 2026-11-24', 20261124, null]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it('lists each problem of the query once (the gateway answers 400 with these, the service 422)', () => {
    const problems = (query: unknown) => {
      try {
        checkCommand(ReconciliationQuerySchema, query);
        return [];
      } catch (e) {
        expect((e as AppError).status).toBe(422);
        return ((e as AppError).details as { problems: { field: string; rule: string }[] }).problems.map((p) => `${p.field}:${p.rule}`);
      }
    };
    expect(problems({ date: '2026-11-24' })).toEqual([]);
    expect(problems({})).toEqual(['date:isDefined']);
    expect(problems({ date: '2026-02-30' })).toEqual(['date:isCalendarDate']);
    expect(problems({ date: '24/11/2026' })).toEqual(['date:matches']);
    expect(problems({ date: ['2026-11-24', '2026-11-25'] })).toEqual(['date:isString']);
  });
});

describe('the reconciliation reply', () => {
  const day = shanghaiDay('2026-11-24');
  const row = (figure: FigureRow['figure'], dim: FigureRow['dim'], key: string | null, count: number, fen: number, name: string | null = null): FigureRow => ({
    figure,
    dim,
    key,
    department_name: name,
    count,
    fen: String(fen),
  });

  it('places the sums the repository made and derives each net from them, so departments + unallocated = channels = totals', () => {
    const figures = [
      row('ISSUED', 'TOTAL', null, 2, 12_000),
      row('ISSUED', 'DEPARTMENT', 'NRB', 2, 9_000, '自然资源局'),
      row('ISSUED', 'DEPARTMENT', 'TAX', 1, 3_000),
      row('PAID', 'TOTAL', null, 2, 12_000),
      row('PAID', 'CHANNEL', 'POS', 1, 9_000),
      row('PAID', 'CHANNEL', 'WECHAT', 1, 3_000),
      row('PAID', 'DEPARTMENT', 'NRB', 1, 9_000),
      row('PAID', 'DEPARTMENT', 'TAX', 1, 3_000),
      row('DOUBLE_PAID', 'TOTAL', null, 1, 9_000),
      row('DOUBLE_PAID', 'CHANNEL', 'WECHAT', 1, 9_000),
      row('DOUBLE_PAID', 'UNALLOCATED', null, 1, 9_000),
      row('REFUNDED', 'TOTAL', null, 2, 10_000),
      row('REFUNDED', 'CHANNEL', 'POS', 2, 10_000),
      row('REFUNDED', 'DEPARTMENT', 'NRB', 1, 1_000),
      row('REFUNDED', 'UNALLOCATED', null, 1, 9_000),
      row('EXPIRED', 'TOTAL', null, 1, 500),
      row('EXPIRED', 'DEPARTMENT', 'TAX', 1, 500),
    ];
    const r = toDailyReconciliation(day, new Date('2026-11-25T02:00:00Z'), 5, figures, []);
    expect(r).toMatchObject({ date: '2026-11-24', from: '2026-11-24T00:00:00+08:00', to: '2026-11-25T00:00:00+08:00', generatedAt: '2026-11-25T10:00:00+08:00', refundOverdueDays: 5 });
    expect(r.departments).toEqual([
      { department: 'NRB', departmentName: '自然资源局', issued: { count: 2, fen: 9_000 }, paid: { count: 1, fen: 9_000 }, refunded: { count: 1, fen: 1_000 }, voided: { count: 0, fen: 0 }, expired: { count: 0, fen: 0 }, netFen: 8_000 },
      { department: 'TAX', issued: { count: 1, fen: 3_000 }, paid: { count: 1, fen: 3_000 }, refunded: { count: 0, fen: 0 }, voided: { count: 0, fen: 0 }, expired: { count: 1, fen: 500 }, netFen: 3_000 },
    ]);
    expect(r.channels).toEqual([
      { channel: 'POS', paid: { count: 1, fen: 9_000 }, doublePaid: { count: 0, fen: 0 }, refunded: { count: 2, fen: 10_000 }, netFen: -1_000 },
      { channel: 'WECHAT', paid: { count: 1, fen: 3_000 }, doublePaid: { count: 1, fen: 9_000 }, refunded: { count: 0, fen: 0 }, netFen: 12_000 },
    ]);
    expect(r.unallocated).toEqual({ paid: { count: 0, fen: 0 }, doublePaid: { count: 1, fen: 9_000 }, refunded: { count: 1, fen: 9_000 }, netFen: 0 });
    expect(r.totals).toMatchObject({ departmentsNetFen: 11_000, netFen: 11_000, voided: { count: 0, fen: 0 } });
    expect(r.channels.reduce((s, c) => s + c.netFen, 0)).toBe(r.totals.netFen);
    expect(r.totals.departmentsNetFen + r.unallocated.netFen).toBe(r.totals.netFen);
  });

  it('is all zeros on a day without a row', () => {
    const r = toDailyReconciliation(day, new Date(), 5, [], []);
    expect(r.totals).toEqual({
      issued: { count: 0, fen: 0 },
      paid: { count: 0, fen: 0 },
      doublePaid: { count: 0, fen: 0 },
      refunded: { count: 0, fen: 0 },
      voided: { count: 0, fen: 0 },
      expired: { count: 0, fen: 0 },
      departmentsNetFen: 0,
      netFen: 0,
    });
    expect([r.channels, r.departments, r.exceptions]).toEqual([[], [], []]);
  });

  it('says what each exception is and what is owed', () => {
    const base: ExceptionRow = {
      kind: 'DOUBLE_PAYMENT',
      case_no: '510704202611230000427',
      notice_no: 'PN202611240000012',
      amount_fen: '9000',
      channel: 'WECHAT',
      reference: 'WX-1',
      at: new Date('2026-11-24T02:00:00Z'),
      note: 'CALLBACK',
      owed_for: null,
      paid_fen: null,
      returned_fen: null,
      bank_paid_at: null,
    };
    expect(exceptionDetail(base)).toBe('9000 fen received (CALLBACK) for notice PN202611240000012, which was already paid: refund it.');
    expect(exceptionDetail({ ...base, kind: 'CALLBACK_UNKNOWN_NOTICE', case_no: null, note: 'No payment notice PN1.', bank_paid_at: new Date('2026-11-24T01:59:00Z') })).toBe(
      'The bank reported 9000 fen (paid at the bank 2026-11-24T09:59:00+08:00) for notice PN202611240000012, which does not exist: No payment notice PN1.',
    );
    expect(exceptionDetail({ ...base, kind: 'REFUND_OVERDUE', owed_for: 'WITHDRAWAL', note: '申请人撤回', amount_fen: '6000', paid_fen: '9000', returned_fen: '3000' })).toBe(
      'Case withdrawn (申请人撤回): 9000 fen paid, 3000 returned, 6000 fen still owed back.',
    );
    expect(exceptionDetail({ ...base, kind: 'REFUND_OVERDUE', owed_for: 'DOUBLE_PAYMENT', amount_fen: '9000', paid_fen: '9000', returned_fen: '0' })).toBe(
      'Double payment of 9000 fen (CALLBACK), 0 returned: 9000 fen still owed back.',
    );
  });
});
