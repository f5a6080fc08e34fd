import { toShanghai } from '#libs/calendar';
import type {
  CountFen,
  DailyReconciliation,
  ReconciliationChannel,
  ReconciliationDepartment,
  ReconciliationException,
  ReconciliationTotals,
  ReconciliationUnallocated,
} from '#libs/contracts';
import type { ExceptionRow, FigureName, FigureRow } from '../reconciliation/reconciliation.repository.js';
import type { DayWindow } from './day-window.js';

const none = (): CountFen => ({ count: 0, fen: 0 });

/** The department of a line or split entry that names none (never written by this service; shown, never dropped). */
export const NO_DEPARTMENT = '(none)';

/**
 * The reply, laid out from the sums the repository computed (one row per figure and channel, department, or in
 * all): this only places them and subtracts paid − refunded; it adds nothing up itself.
 */
export function toDailyReconciliation(
  day: DayWindow,
  generatedAt: Date,
  refundOverdueDays: number,
  figures: FigureRow[],
  exceptions: ExceptionRow[],
): DailyReconciliation {
  const totals: ReconciliationTotals = {
    issued: none(),
    paid: none(),
    doublePaid: none(),
    refunded: none(),
    voided: none(),
    expired: none(),
    departmentsNetFen: 0,
    netFen: 0,
  };
  const unallocated: ReconciliationUnallocated = { paid: none(), doublePaid: none(), refunded: none(), netFen: 0 };
  const channels = new Map<string, ReconciliationChannel>();
  const departments = new Map<string, ReconciliationDepartment>();

  for (const r of figures) {
    const value: CountFen = { count: Number(r.count), fen: Number(r.fen) };
    const field = FIELD[r.figure];
    if (r.dim === 'TOTAL') {
      totals[field] = value;
    } else if (r.dim === 'UNALLOCATED') {
      if (field === 'paid' || field === 'doublePaid' || field === 'refunded') unallocated[field] = value;
    } else if (r.dim === 'CHANNEL') {
      const channel = r.key ?? ''; // fees.payments.channel and fees.refunds.channel are NOT NULL
      let c = channels.get(channel);
      if (!c) channels.set(channel, (c = { channel, paid: none(), doublePaid: none(), refunded: none(), netFen: 0 }));
      if (field === 'paid' || field === 'doublePaid' || field === 'refunded') c[field] = value;
    } else {
      const department = r.key ?? NO_DEPARTMENT;
      let d = departments.get(department);
      if (!d) {
        d = { department, issued: none(), paid: none(), refunded: none(), voided: none(), expired: none(), netFen: 0 };
        departments.set(department, d);
      }
      if (r.department_name && !d.departmentName) d.departmentName = r.department_name;
      // A double payment has no department (the repository never splits one); nothing else lands here.
      if (field !== 'doublePaid') d[field] = value;
    }
  }

  for (const c of channels.values()) c.netFen = c.paid.fen + c.doublePaid.fen - c.refunded.fen;
  for (const d of departments.values()) d.netFen = d.paid.fen - d.refunded.fen;
  unallocated.netFen = unallocated.paid.fen + unallocated.doublePaid.fen - unallocated.refunded.fen;
  totals.departmentsNetFen = [...departments.values()].reduce((sum, d) => sum + d.netFen, 0);
  totals.netFen = totals.paid.fen + totals.doublePaid.fen - totals.refunded.fen;

  const byKey = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return {
    date: day.date,
    from: toShanghai(day.start)!,
    to: toShanghai(day.end)!,
    generatedAt: toShanghai(generatedAt)!,
    refundOverdueDays,
    totals,
    channels: byKey(channels),
    departments: byKey(departments).map(({ department, departmentName, ...figures }) => ({ department, ...(departmentName ? { departmentName } : {}), ...figures })),
    unallocated,
    exceptions: exceptions.map(toException),
  };
}

const FIELD: Record<FigureName, 'issued' | 'paid' | 'doublePaid' | 'refunded' | 'voided' | 'expired'> = {
  ISSUED: 'issued',
  PAID: 'paid',
  DOUBLE_PAID: 'doublePaid',
  REFUNDED: 'refunded',
  VOIDED: 'voided',
  EXPIRED: 'expired',
};

export function toException(r: ExceptionRow): ReconciliationException {
  const e: ReconciliationException = {
    kind: r.kind,
    noticeNo: r.notice_no,
    amountFen: Number(r.amount_fen),
    at: toShanghai(r.at)!,
    detail: exceptionDetail(r),
  };
  if (r.case_no) e.caseNo = r.case_no;
  if (r.channel) e.channel = r.channel;
  if (r.reference) e.reference = r.reference;
  return e;
}

/** One line a finance officer can act on. */
export function exceptionDetail(r: ExceptionRow): string {
  const amount = Number(r.amount_fen);
  const bank = r.bank_paid_at ? ` (paid at the bank ${toShanghai(r.bank_paid_at)})` : '';
  const said = r.note ? `: ${r.note.replace(/[.。]+$/, '')}` : '';
  switch (r.kind) {
    case 'DOUBLE_PAYMENT':
      return `${amount} fen received (${r.note ?? 'WINDOW'}) for notice ${r.notice_no}, which was already paid: refund it.`;
    case 'CALLBACK_UNKNOWN_NOTICE':
      return `The bank reported ${amount} fen${bank} for notice ${r.notice_no}, which does not exist${said}.`;
    case 'CALLBACK_NOT_PAYABLE':
      return `The bank reported ${amount} fen${bank} for notice ${r.notice_no}, which could not be paid${said}.`;
    case 'CALLBACK_EXPIRED':
      return `The bank reported ${amount} fen${bank} for notice ${r.notice_no} after it expired${said}.`;
    case 'CALLBACK_AMOUNT_MISMATCH':
      return `The bank reported ${amount} fen${bank} for notice ${r.notice_no}, not the amount owed${said}.`;
    case 'REFUND_OVERDUE':
      return r.owed_for === 'DOUBLE_PAYMENT'
        ? `Double payment of ${r.paid_fen} fen (${r.note ?? 'WINDOW'}), ${r.returned_fen} returned: ${amount} fen still owed back.`
        : `Case withdrawn${r.note ? ` (${r.note})` : ''}: ${r.paid_fen} fen paid, ${r.returned_fen} returned, ${amount} fen still owed back.`;
  }
}
