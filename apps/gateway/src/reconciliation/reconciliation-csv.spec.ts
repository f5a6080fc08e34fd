import { ValidationPipe } from '@nestjs/common';
import type { AppError, DailyReconciliation } from '#libs/contracts';
import { RequestInvalid } from '../http/request-invalid.js';
import { ReconciliationQueryDto } from './dto/reconciliation.dto.js';
import { csvId, csvText, renderReconciliationCsv, yuan } from './reconciliation-csv.js';
import { RECONCILIATION_EXAMPLE } from './reconciliation.fixture.js';

describe('the reconciliation CSV', () => {
  it('writes yuan with two decimals from integer fen, without a float', () => {
    expect([0, 1, 9, 10, 99, 100, 9000, 12345, -5, -1000, 9_999_999_999, 900_719_925_474_099].map(yuan)).toEqual([
      '0.00',
      '0.01',
      '0.09',
      '0.10',
      '0.99',
      '1.00',
      '90.00',
      '123.45',
      '-0.05',
      '-10.00',
      '99999999.99',
      '9007199254740.99',
    ]);
  });

  it('quotes what RFC 4180 needs quoted and keeps formulas from running', () => {
    expect(csvText('自然资源和规划局')).toBe('自然资源和规划局');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
    expect(csvText('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvText(' padded ')).toBe('" padded "');
    expect(csvText('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    for (const lead of ['+', '-', '@', '\t']) expect(csvText(`${lead}1+1`).startsWith(`'${lead}`) || csvText(`${lead}1+1`).startsWith(`"'${lead}`)).toBe(true);
    expect(csvText('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('keeps every digit of a long number (case number, bank reference) for Excel, and writes other ids as text', () => {
    expect(csvId('510704202611230000427')).toBe('"=""510704202611230000427"""');
    expect(csvId('PN202611240000012')).toBe('PN202611240000012');
    expect(csvId('12345')).toBe('12345');
    expect(csvId('=1+1')).toBe("'=1+1");
    expect(csvId(undefined)).toBe('');
  });

  it('renders the reply: BOM, CRLF, one section per table, every amount in yuan and fen', () => {
    const csv = renderReconciliationCsv(RECONCILIATION_EXAMPLE);
    expect(csv.startsWith('\uFEFF日终对账与分账,2026-11-24\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const sections = csv.slice(1).split('\r\n\r\n').map((s) => s.split('\r\n')[0]);
    expect(sections).toEqual(['日终对账与分账,2026-11-24', '合计', '按部门分账', '未分配资金', '按渠道', '异常']);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toContain('收款,2,200.00,20000');
    expect(lines).toContain('净额(收款+重复缴费-退费),,260.00,26000');
    expect(lines).toContain('NRB,自然资源和规划局,3,260.00,26000,2,170.00,17000,1,30.00,3000,1,90.00,9000,0,0.00,0,140.00,14000');
    expect(lines).toContain('POS,1,110.00,11000,0,0.00,0,1,30.00,3000,80.00,8000');
    expect(lines).toContain(
      'DOUBLE_PAYMENT,重复缴费,"=""510704202611230000427""",PN202611240000012,90.00,9000,WECHAT,"=""4200001234202611240123456789""",2026-11-24T14:03:11+08:00,' +
        '"9000 fen received (CALLBACK) for notice PN202611240000012, which was already paid: refund it."',
    );
    // Every header row has as many cells as its section's rows.
    const dept = lines.findIndex((l) => l === '按部门分账');
    expect(lines[dept + 1].split(',').length).toBe(lines[dept + 2].split(',').length);
    const chan = lines.findIndex((l) => l === '按渠道');
    expect(lines[chan + 1].split(',').length).toBe(lines[chan + 2].split(',').length);
  });

  it('shows a negative net with its sign, and quotes what a bank sent', () => {
    const day: DailyReconciliation = {
      ...RECONCILIATION_EXAMPLE,
      channels: [{ channel: 'POS', paid: { count: 0, fen: 0 }, doublePaid: { count: 0, fen: 0 }, refunded: { count: 1, fen: 3005 }, netFen: -3005 }],
      exceptions: [{ kind: 'CALLBACK_AMOUNT_MISMATCH', noticeNo: 'PN202611240000013', amountFen: 1, channel: '-x', reference: 'a,"b"', at: '2026-11-24T10:00:00+08:00', detail: 'line1\nline2' }],
    };
    const lines = renderReconciliationCsv(day).split('\r\n');
    expect(lines).toContain('POS,0,0.00,0,0,0.00,0,1,30.05,3005,-30.05,-3005');
    expect(renderReconciliationCsv(day)).toContain(`CALLBACK_AMOUNT_MISMATCH,银行回调:金额不符,,PN202611240000013,0.01,1,'-x,"a,""b""",2026-11-24T10:00:00+08:00,"line1\nline2"`);
  });
});

describe('GET /reconciliation/daily?date=', () => {
  const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: RequestInvalid.fromValidation });
  async function problemsOf(query: unknown): Promise<string[]> {
    try {
      await pipe.transform(query, { type: 'query', metatype: ReconciliationQueryDto });
      return [];
    } catch (e) {
      expect((e as AppError).status).toBe(400);
      return ((e as AppError).details as { problems: { field: string; rule: string }[] }).problems.map((p) => `${p.field}:${p.rule}`);
    }
  }

  it('takes a real calendar day and lists every problem otherwise (400)', async () => {
    expect(await problemsOf({ date: '2026-11-24' })).toEqual([]);
    expect(await problemsOf({ date: '2028-02-29' })).toEqual([]);
    expect(await problemsOf({})).toEqual(['date:isDefined']);
    expect(await problemsOf({ date: '' })).toEqual(['date:matches']);
    expect(await problemsOf({ date: '2026-02-29' })).toEqual(['date:isCalendarDate']);
    expect(await problemsOf({ date: '2026-11-31' })).toEqual(['date:isCalendarDate']);
    expect(await problemsOf({ date: '2026-11-24T00:00:00+08:00' })).toEqual(['date:matches']);
    expect(await problemsOf({ date: ['2026-11-24', '2026-11-25'] })).toEqual(['date:isString']);
    expect(await problemsOf({ date: '2026-11-24', from: '2026-11-01' })).toEqual(['from:whitelistValidation']);
  });
});
