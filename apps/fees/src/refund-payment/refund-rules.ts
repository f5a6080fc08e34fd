import type { DepartmentAmount } from '#libs/contracts';

/** A double payment: money received for a notice already paid, with what has been returned of it. */
export interface DoublePayment {
  id: string;
  channel: string;
  amountFen: number;
  refundedFen: number;
}

export interface RefundableState {
  /** The case was withdrawn after payment (REFUND_DUE or REFUNDED): the applied payment is owed back too. */
  withdrawn: boolean;
  appliedPaidFen: number;
  appliedRefundedFen: number;
  /** Oldest first. */
  doublePayments: DoublePayment[];
  appliedChannel?: string;
}

export function doubleOutstandingFen(s: RefundableState): number {
  return s.doublePayments.reduce((sum, p) => sum + p.amountFen - p.refundedFen, 0);
}

/** Never more than paid minus already refunded; the applied payment only once the case no longer needs it. */
export function refundableFen(s: RefundableState): number {
  const applied = s.withdrawn ? s.appliedPaidFen - s.appliedRefundedFen : 0;
  return applied + doubleOutstandingFen(s);
}

export type RefundPlan =
  | { kind: 'DOUBLE_PAYMENT'; paymentId: string; channel: string; split: DepartmentAmount[] }
  | { kind: 'NOTICE'; channel?: string; split: DepartmentAmount[] };

export type RefundRefusal = { rule: 'exceedsRefundable' | 'exceedsDoublePayment' | 'exceedsDepartmentShare' | 'unknownDepartment'; message: string; maxFen: number };

/**
 * One refund returns money from one source: double payments first, oldest first (that money was never owed, so it
 * goes back before anything else), then the applied payment of a withdrawn case. A notice refund is charged to one
 * department when asked, otherwise to the departments in the order of the notice's lines, each up to what is left
 * of its share, so the per-department figures of the reconciliation always sum to the refund, to the fen.
 */
export function planRefund(
  s: RefundableState,
  amountFen: number,
  shares: DepartmentAmount[],
  refundedByDepartment: ReadonlyMap<string, number>,
  department?: string,
): RefundPlan | RefundRefusal {
  const max = refundableFen(s);
  if (amountFen > max) return { rule: 'exceedsRefundable', message: `at most ${max} fen can be refunded on this notice`, maxFen: max };
  const double = s.doublePayments.find((p) => p.amountFen > p.refundedFen);
  if (double) {
    const left = double.amountFen - double.refundedFen;
    if (amountFen > left) {
      return { rule: 'exceedsDoublePayment', message: `return the double payment first: at most ${left} fen in this refund`, maxFen: left };
    }
    return { kind: 'DOUBLE_PAYMENT', paymentId: double.id, channel: double.channel, split: [] };
  }
  const left = shares.map((d) => ({ department: d.department, leftFen: d.amountFen - (refundedByDepartment.get(d.department) ?? 0) }));
  if (department !== undefined) {
    const share = left.find((d) => d.department === department);
    if (!share) return { rule: 'unknownDepartment', message: `department ${department} collects nothing on this notice`, maxFen: 0 };
    if (amountFen > share.leftFen) {
      return { rule: 'exceedsDepartmentShare', message: `at most ${share.leftFen} fen can be refunded from ${department}'s share`, maxFen: share.leftFen };
    }
    return { kind: 'NOTICE', channel: s.appliedChannel, split: [{ department, amountFen }] };
  }
  const split: DepartmentAmount[] = [];
  let rest = amountFen;
  for (const d of left) {
    if (rest === 0) break;
    const take = Math.min(rest, d.leftFen);
    if (take > 0) split.push({ department: d.department, amountFen: take });
    rest -= take;
  }
  return { kind: 'NOTICE', channel: s.appliedChannel, split };
}

export function isRefusal(p: RefundPlan | RefundRefusal): p is RefundRefusal {
  return 'rule' in p;
}
