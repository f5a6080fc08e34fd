import type { CountFen, DailyReconciliation, ReconciliationExceptionKind } from '#libs/contracts';

/**
 * GET /reconciliation/daily.csv: the very reply of GET /reconciliation/daily, for the finance office's spreadsheet.
 * UTF-8 with a BOM (so Excel reads the Chinese), CRLF line ends (RFC 4180), one section per table, each a title row,
 * a header row and its rows, a blank row between sections. Every amount twice: in yuan with two decimals (元, for
 * summing in a spreadsheet) and in integer fen (分, exact, the API's unit); the yuan are written from the fen as
 * text, never through a float.
 *
 * Cells are text the office will open in Excel, some of it from banks (references, channels, answers): a text cell
 * that starts with = + - @ or a tab/CR is prefixed with ' so it is never run as a formula; a long run of digits (a
 * case number, a bank reference) is written as the formula ="…" (RFC 4180 quoted) so Excel keeps every digit instead of showing 5.10704E+20.
 */
export const CSV_BOM = '\uFEFF';

/** A cell already written as CSV (a yuan amount, an id from csvId), taken as it is. */
class Raw {
  constructor(readonly text: string) {}
}
type Cell = string | number | undefined | null | Raw;

/** Yuan with two decimals from integer fen: 9000 → "90.00", -5 → "-0.05". */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** One text cell, made safe for a spreadsheet and quoted as RFC 4180 asks. */
export function csvText(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** An identifier: kept whole when it is a long run of digits, otherwise plain text. */
export function csvId(value: string | undefined): string {
  if (value === undefined) return '';
  return /^\d{12,64}$/.test(value) ? `"=""${value}"""` : csvText(value);
}

const cell = (c: Cell): string => (c === undefined || c === null ? '' : c instanceof Raw ? c.text : typeof c === 'number' ? String(c) : csvText(c));
const money = (fen: number): Cell[] => [new Raw(yuan(fen)), fen];
const countMoney = (f: CountFen): Cell[] => [f.count, ...money(f.fen)];

type Row = Cell[];

const KIND_LABEL: Record<ReconciliationExceptionKind, string> = {
  DOUBLE_PAYMENT: '重复缴费',
  CALLBACK_UNKNOWN_NOTICE: '银行回调:通知书不存在',
  CALLBACK_NOT_PAYABLE: '银行回调:通知书不可缴费',
  CALLBACK_EXPIRED: '银行回调:通知书已过期',
  CALLBACK_AMOUNT_MISMATCH: '银行回调:金额不符',
  REFUND_OVERDUE: '退费逾期',
};

const COUNT_MONEY = (what: string): string[] => [`${what}笔数`, `${what}金额(元)`, `${what}金额(分)`];

export function renderReconciliationCsv(r: DailyReconciliation): string {
  const sections: Row[][] = [
    [
      ['日终对账与分账', r.date],
      ['对账时段(北京时间)', r.from, r.to],
      ['生成时间', r.generatedAt],
      ['退费逾期天数', r.refundOverdueDays],
      ['金额', '每项金额均列元(两位小数)与分(整数)两栏'],
    ],
    [
      ['合计'],
      ['项目', '笔数', '金额(元)', '金额(分)'],
      ['开单', ...countMoney(r.totals.issued)],
      ['收款', ...countMoney(r.totals.paid)],
      ['重复缴费', ...countMoney(r.totals.doublePaid)],
      ['退费', ...countMoney(r.totals.refunded)],
      ['作废', ...countMoney(r.totals.voided)],
      ['过期', ...countMoney(r.totals.expired)],
      ['各部门应分净额', '', ...money(r.totals.departmentsNetFen)],
      ['净额(收款+重复缴费-退费)', '', ...money(r.totals.netFen)],
    ],
    [
      ['按部门分账'],
      ['部门代码', '部门名称', ...COUNT_MONEY('开单'), ...COUNT_MONEY('收款'), ...COUNT_MONEY('退费'), ...COUNT_MONEY('作废'), ...COUNT_MONEY('过期'), '应分净额(元)', '应分净额(分)'],
      ...r.departments.map((d): Row => [
        d.department,
        d.departmentName ?? '',
        ...countMoney(d.issued),
        ...countMoney(d.paid),
        ...countMoney(d.refunded),
        ...countMoney(d.voided),
        ...countMoney(d.expired),
        ...money(d.netFen),
      ]),
    ],
    [
      ['未分配资金'],
      ['项目', '笔数', '金额(元)', '金额(分)'],
      ['未分配收款', ...countMoney(r.unallocated.paid)],
      ['重复缴费', ...countMoney(r.unallocated.doublePaid)],
      ['未分配退费', ...countMoney(r.unallocated.refunded)],
      ['净额', '', ...money(r.unallocated.netFen)],
    ],
    [
      ['按渠道'],
      ['渠道', ...COUNT_MONEY('收款'), ...COUNT_MONEY('重复缴费'), ...COUNT_MONEY('退费'), '净额(元)', '净额(分)'],
      ...r.channels.map((c): Row => [c.channel, ...countMoney(c.paid), ...countMoney(c.doublePaid), ...countMoney(c.refunded), ...money(c.netFen)]),
    ],
    [
      ['异常'],
      ['类型代码', '类型', '办件编号', '通知书编号', '金额(元)', '金额(分)', '渠道', '流水号', '时间', '说明'],
      ...r.exceptions.map((e): Row => [
        e.kind,
        KIND_LABEL[e.kind] ?? e.kind,
        new Raw(csvId(e.caseNo)),
        new Raw(csvId(e.noticeNo)),
        ...money(e.amountFen),
        e.channel,
        new Raw(csvId(e.reference)),
        e.at,
        e.detail,
      ]),
    ],
  ];
  const lines = sections.map((rows) => rows.map((row) => row.map(cell).join(',')).join('\r\n'));
  return CSV_BOM + lines.join('\r\n\r\n') + '\r\n';
}
