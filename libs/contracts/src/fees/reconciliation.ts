import { IsString, Matches, ValidateBy } from 'class-validator';

/**
 * GET /reconciliation/daily (对账 / 分账): one Asia/Shanghai calendar day of the fee books, [date 00:00+08:00, next
 * day 00:00+08:00), per channel and per collecting department. rpc.fees.reconciliation.daily answers it; the
 * gateway renders the same reply as CSV for GET /reconciliation/daily.csv. Money is integer fen everywhere.
 *
 * Where a figure comes from (all summed in SQL from rows, never from a notice's running totals):
 * - issued: notices whose issued_at is in the day (a reissued notice counts as issued on its day);
 * - paid: applied payments whose paid_at is in the day; doublePaid: unapplied ones (money received that was not owed);
 * - refunded: refunds whose refunded_at is in the day;
 * - voided: notices now VOID whose closed_at is in the day;
 * - expired: notices whose expires_at is in the day (and already past), never paid, still UNPAID or voided after it;
 * - per department: notices by their lines (items), payments and refunds by their split. A fen of a payment or
 *   refund that no split names (every double payment, a refund of one, a row written without a split) is
 *   `unallocated`, so departments + unallocated always add up to the totals.
 * A department's or channel's `count` is the number of notices, payments or refunds touching it: one payment split
 * over two departments counts once in each, and once in the totals.
 */
export interface ReconciliationQuery {
  /** The Asia/Shanghai calendar day, YYYY-MM-DD. */
  date: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real day of the Gregorian calendar written YYYY-MM-DD (no 2026-02-30, no 2026-13-01), from the year 2000 on. */
export function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string' || !DATE.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number);
  if (y < 2000) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The one schema of the query: the gateway's ReconciliationQueryDto extends it, and the fees service checks the
 * request with it (checkCommand), so a day the gateway would refuse with 400 is refused by the service with 422.
 */
export class ReconciliationQuerySchema implements ReconciliationQuery {
  @IsString()
  @Matches(DATE, { message: 'date must be a day written YYYY-MM-DD' })
  @ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (v: unknown) => typeof v !== 'string' || !DATE.test(v) || isCalendarDate(v),
      defaultMessage: () => 'date must be a real calendar day from 2000-01-01 on',
    },
  })
  date: string;
}

export interface CountFen {
  count: number;
  fen: number;
}

/** What one collecting department (分账) issued, collected, returned, voided and saw expire that day. */
export interface ReconciliationDepartment {
  department: string;
  departmentName?: string;
  /** Notices issued that day with a line of this department: their lines' fen. */
  issued: CountFen;
  /** Applied payments that day: this department's part of their split. */
  paid: CountFen;
  /** Refunds that day: this department's part of their split. */
  refunded: CountFen;
  voided: CountFen;
  expired: CountFen;
  /** paid − refunded: what the department is owed for the day. */
  netFen: number;
}

/** What went through one payment channel that day. */
export interface ReconciliationChannel {
  channel: string;
  /** Applied payments. */
  paid: CountFen;
  /** Double payments: received, not owed, to be refunded. */
  doublePaid: CountFen;
  refunded: CountFen;
  /** paid + doublePaid − refunded: the money the channel moved in. */
  netFen: number;
}

/** Money that belongs to no department: double payments, the refunds returning them, any fen no split names. */
export interface ReconciliationUnallocated {
  /** Applied payments' fen that their split does not name (0 for rows written with a split). */
  paid: CountFen;
  doublePaid: CountFen;
  refunded: CountFen;
  /** paid + doublePaid − refunded. */
  netFen: number;
}

export interface ReconciliationTotals {
  issued: CountFen;
  paid: CountFen;
  doublePaid: CountFen;
  refunded: CountFen;
  voided: CountFen;
  expired: CountFen;
  /** Σ departments' netFen: what the day owes the departments together. */
  departmentsNetFen: number;
  /** paid + doublePaid − refunded = Σ channels' netFen = departmentsNetFen + unallocated.netFen. */
  netFen: number;
}

export const RECONCILIATION_EXCEPTION_KINDS = [
  'DOUBLE_PAYMENT',
  'CALLBACK_UNKNOWN_NOTICE',
  'CALLBACK_NOT_PAYABLE',
  'CALLBACK_EXPIRED',
  'CALLBACK_AMOUNT_MISMATCH',
  'REFUND_OVERDUE',
] as const;
/**
 * DOUBLE_PAYMENT: an unapplied payment paid that day (amountFen: the payment). CALLBACK_*: a bank callback received
 * that day that paid nothing (unknown notice, void or paid notice, expired notice, wrong amount; amountFen: what the
 * bank reported). REFUND_OVERDUE, standing as at the end of the day: a withdrawn case's payment not (fully) returned
 * more than refundOverdueDays after the withdrawal, or a double payment not (fully) returned more than
 * refundOverdueDays after it was paid (amountFen: what is still owed back).
 */
export type ReconciliationExceptionKind = (typeof RECONCILIATION_EXCEPTION_KINDS)[number];

export interface ReconciliationException {
  kind: ReconciliationExceptionKind;
  /** Absent when the notice number is unknown (CALLBACK_UNKNOWN_NOTICE). */
  caseNo?: string;
  noticeNo: string;
  amountFen: number;
  channel?: string;
  /** The payment's or the bank's reference. */
  reference?: string;
  /** When it happened: paid, received, or (REFUND_OVERDUE) since when the money is owed; Asia/Shanghai. */
  at: string;
  detail: string;
}

export interface DailyReconciliation {
  date: string;
  /** The day's bounds, [from, to), Asia/Shanghai. */
  from: string;
  to: string;
  /** When the figures were read; a day not over yet is reconciled up to this instant. */
  generatedAt: string;
  /** N of REFUND_OVERDUE (the fees service's REFUND_OVERDUE_DAYS). */
  refundOverdueDays: number;
  totals: ReconciliationTotals;
  /** By channel code. */
  channels: ReconciliationChannel[];
  /** By department code. */
  departments: ReconciliationDepartment[];
  unallocated: ReconciliationUnallocated;
  /** Case by case, oldest first. */
  exceptions: ReconciliationException[];
}
