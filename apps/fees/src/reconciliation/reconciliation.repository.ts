import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReconciliationExceptionKind } from '#libs/contracts';
import { queryRows } from '#libs/persistence';

export type FigureName = 'ISSUED' | 'PAID' | 'DOUBLE_PAID' | 'REFUNDED' | 'VOIDED' | 'EXPIRED';
export type FigureDimension = 'TOTAL' | 'CHANNEL' | 'DEPARTMENT' | 'UNALLOCATED';

/** One sum of the day: a figure, over everything (TOTAL), one channel, one department, or what no split names. */
export interface FigureRow {
  figure: FigureName;
  dim: FigureDimension;
  /** The channel or department code; null for TOTAL and UNALLOCATED. */
  key: string | null;
  department_name: string | null;
  count: number;
  /** bigint as text. */
  fen: string;
}

export interface ExceptionRow {
  kind: ReconciliationExceptionKind;
  case_no: string | null;
  notice_no: string;
  /** bigint as text. */
  amount_fen: string;
  channel: string | null;
  reference: string | null;
  at: Date;
  /** The payment's source (DOUBLE_PAYMENT), the bank's answer message (CALLBACK_*), the close reason (REFUND_OVERDUE). */
  note: string | null;
  /** REFUND_OVERDUE: what the money is owed back for. */
  owed_for: 'WITHDRAWAL' | 'DOUBLE_PAYMENT' | null;
  /** REFUND_OVERDUE: what was paid, and returned by the end of the day; CALLBACK_*: the bank's paid_at. */
  paid_fen: string | null;
  returned_fen: string | null;
  bank_paid_at: Date | null;
}

/**
 * Reads for the daily reconciliation (对账 / 分账) over fees.payment_notices, fees.payments, fees.refunds and
 * fees.bank_callbacks: every figure is a SQL sum over rows of the day, [$1, $2). Read-only; the reading is done in
 * one REPEATABLE READ snapshot (`snapshot`) so the figures and the exceptions agree with each other.
 */
@Injectable()
export class ReconciliationRepository {
  constructor(private readonly ds: DataSource) {}

  /** A read-only transaction that sees one snapshot of the books for every statement run in it. */
  snapshot<T>(read: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return read(m);
    });
  }

  /**
   * Every figure of the day in one statement. Notices count by their lines (items) per department, payments and
   * refunds by their split; a double payment belongs to no department (its split is ignored), and the fen of an
   * applied payment or a refund that its split does not name is UNALLOCATED. A notice expired in the day only once
   * its expires_at is not after `asOf` (a day not over yet), and only if it was never paid before then and is still
   * UNPAID or was voided after it expired (reissued).
   */
  figures(m: EntityManager, start: Date, end: Date, asOf: Date): Promise<FigureRow[]> {
    return queryRows<FigureRow>(
      m,
      `WITH
       notices AS (
         SELECT 'ISSUED' AS figure, notice_no, items, total_fen FROM fees.payment_notices
          WHERE issued_at >= $1 AND issued_at < $2
         UNION ALL
         SELECT 'VOIDED', notice_no, items, total_fen FROM fees.payment_notices
          WHERE status = 'VOID' AND closed_at >= $1 AND closed_at < $2
         UNION ALL
         SELECT 'EXPIRED', n.notice_no, n.items, n.total_fen FROM fees.payment_notices n
          WHERE n.expires_at >= $1 AND n.expires_at < $2 AND n.expires_at <= $3
            AND (n.status = 'UNPAID' OR (n.status = 'VOID' AND n.closed_at >= n.expires_at))
            AND NOT EXISTS (SELECT 1 FROM fees.payments p WHERE p.notice_no = n.notice_no AND p.applied AND p.paid_at < n.expires_at)),
       money AS (
         SELECT id::text AS id, CASE WHEN applied THEN 'PAID' ELSE 'DOUBLE_PAID' END AS figure, channel, amount_fen,
                CASE WHEN applied THEN split ELSE '[]'::jsonb END AS split
           FROM fees.payments WHERE paid_at >= $1 AND paid_at < $2
         UNION ALL
         SELECT refund_no, 'REFUNDED', channel, amount_fen, split
           FROM fees.refunds WHERE refunded_at >= $1 AND refunded_at < $2),
       figures AS (
         SELECT figure, 'TOTAL' AS dim, NULL::text AS key, count(*) AS n, sum(total_fen) AS fen, NULL::text AS line_name
           FROM notices GROUP BY figure
         UNION ALL
         SELECT n.figure, 'DEPARTMENT', l->>'department', count(DISTINCT n.notice_no), sum((l->>'amountFen')::bigint), max(l->>'departmentName')
           FROM notices n CROSS JOIN LATERAL jsonb_array_elements(n.items) l
          GROUP BY n.figure, l->>'department'
         UNION ALL
         SELECT figure, 'TOTAL', NULL, count(*), sum(amount_fen), NULL FROM money GROUP BY figure
         UNION ALL
         SELECT figure, 'CHANNEL', channel, count(*), sum(amount_fen), NULL FROM money GROUP BY figure, channel
         UNION ALL
         SELECT mo.figure, 'DEPARTMENT', s->>'department', count(DISTINCT mo.id), sum((s->>'amountFen')::bigint), NULL
           FROM money mo CROSS JOIN LATERAL jsonb_array_elements(mo.split) s
          GROUP BY mo.figure, s->>'department'
         UNION ALL
         SELECT figure, 'UNALLOCATED', NULL, count(*), sum(rest), NULL
           FROM (SELECT figure, amount_fen - coalesce((SELECT sum((s->>'amountFen')::bigint) FROM jsonb_array_elements(split) s), 0) AS rest FROM money) r
          WHERE rest <> 0 GROUP BY figure)
       SELECT f.figure, f.dim, f.key, coalesce(pa.department_name, f.line_name) AS department_name,
              f.n::int AS count, f.fen::bigint::text AS fen
         FROM figures f LEFT JOIN fees.payee_accounts pa ON f.dim = 'DEPARTMENT' AND pa.department = f.key
        ORDER BY f.dim, f.key, f.figure`,
      [start, end, asOf],
    );
  }

  /**
   * The day's exceptions, case by case, oldest first: double payments paid in the day, bank callbacks received in
   * the day that paid nothing, and, as at the end of the day, refunds owed for more than `overdueDays` days (a
   * withdrawn case's payments less what was returned of them; a double payment less what was returned of it).
   */
  exceptions(m: EntityManager, start: Date, end: Date, overdueDays: number): Promise<ExceptionRow[]> {
    return queryRows<ExceptionRow>(
      m,
      `SELECT kind, case_no, notice_no, amount_fen::text AS amount_fen, channel, reference, at, note, owed_for,
              paid_fen::text AS paid_fen, returned_fen::text AS returned_fen, bank_paid_at
         FROM (
           SELECT 'DOUBLE_PAYMENT' AS kind, n.case_no, p.notice_no, p.amount_fen, p.channel, p.reference, p.paid_at AS at,
                  p.source AS note, NULL::text AS owed_for, NULL::bigint AS paid_fen, NULL::bigint AS returned_fen, NULL::timestamptz AS bank_paid_at
             FROM fees.payments p JOIN fees.payment_notices n ON n.notice_no = p.notice_no
            WHERE NOT p.applied AND p.paid_at >= $1 AND p.paid_at < $2
           UNION ALL
           SELECT 'CALLBACK_' || c.outcome, n.case_no, c.notice_no, c.amount_fen, c.channel, c.bank_reference, c.received_at,
                  coalesce(c.answer->'body'->>'message', c.answer->>'message'), NULL, NULL, NULL, c.paid_at
             FROM fees.bank_callbacks c LEFT JOIN fees.payment_notices n ON n.notice_no = c.notice_no
            WHERE c.outcome IN ('UNKNOWN_NOTICE', 'NOT_PAYABLE', 'EXPIRED', 'AMOUNT_MISMATCH')
              AND c.received_at >= $1 AND c.received_at < $2
           UNION ALL
           SELECT 'REFUND_OVERDUE', n.case_no, n.notice_no, paid.fen - returned.fen, NULL, NULL, n.closed_at,
                  n.close_reason, 'WITHDRAWAL', paid.fen, returned.fen, NULL
             FROM fees.payment_notices n
            CROSS JOIN LATERAL (SELECT coalesce(sum(p.amount_fen), 0) AS fen FROM fees.payments p
                                 WHERE p.notice_no = n.notice_no AND p.applied AND p.paid_at < $2) paid
            CROSS JOIN LATERAL (SELECT coalesce(sum(r.amount_fen), 0) AS fen FROM fees.refunds r
                                 WHERE r.notice_no = n.notice_no AND r.refunded_at < $2
                                   AND NOT EXISTS (SELECT 1 FROM fees.payments d WHERE d.id = r.payment_id AND NOT d.applied)) returned
            WHERE n.status IN ('REFUND_DUE', 'REFUNDED') AND n.closed_at < $2::timestamptz - make_interval(days => $3::int)
              AND paid.fen > returned.fen
           UNION ALL
           SELECT 'REFUND_OVERDUE', n.case_no, p.notice_no, p.amount_fen - returned.fen, p.channel, p.reference, p.paid_at,
                  p.source, 'DOUBLE_PAYMENT', p.amount_fen, returned.fen, NULL
             FROM fees.payments p JOIN fees.payment_notices n ON n.notice_no = p.notice_no
            CROSS JOIN LATERAL (SELECT coalesce(sum(r.amount_fen), 0) AS fen FROM fees.refunds r
                                 WHERE r.payment_id = p.id AND r.refunded_at < $2) returned
            WHERE NOT p.applied AND p.paid_at < $2::timestamptz - make_interval(days => $3::int)
              AND p.amount_fen > returned.fen
         ) x
        ORDER BY at, kind, notice_no, reference`,
      [start, end, overdueDays],
    );
  }
}
