import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NoticeLineView } from '#libs/contracts';
import { cursorTime, queryOne, queryRows, type CursorKey } from '#libs/persistence';
import type { PaymentRow } from './payment.repository.js';
import type { RefundRow } from './refund.repository.js';

/** A payment_notices row as PostgreSQL returns it: bigint arrives as a string. `status` is the stored one (no EXPIRED). */
export interface NoticeRow {
  notice_no: string;
  case_no: string;
  items: NoticeLineView[];
  total_fen: string;
  paid_fen: string;
  refunded_fen: string;
  status: 'UNPAID' | 'PAID' | 'VOID' | 'REFUND_DUE' | 'REFUNDED';
  issued_at: Date;
  paid_at: Date | null;
  expires_at: Date | null;
  closed_at: Date | null;
  close_reason: string | null;
  replaces: string | null;
  replaced_by: string | null;
  center_code: string | null;
  version: number;
  item_name: string | null;
  /** Double payments received, and what has been returned of them. */
  double_fen: string;
  double_refunded_fen: string;
  issued_key?: string;
}

// The item name comes from the case's assessment: the notice shows what it is for without asking intake.
const NOTICE_COLUMNS = `n.notice_no, n.case_no, n.items, n.total_fen, n.paid_fen, n.refunded_fen, n.status, n.issued_at, n.paid_at,
  n.expires_at, n.closed_at, n.close_reason, n.replaces, n.replaced_by, n.center_code, n.version, a.item_name,
  (SELECT COALESCE(sum(p.amount_fen), 0) FROM fees.payments p WHERE p.notice_no = n.notice_no AND NOT p.applied) AS double_fen,
  (SELECT COALESCE(sum(r.amount_fen), 0) FROM fees.refunds r WHERE r.notice_no = n.notice_no AND r.payment_id IS NOT NULL) AS double_refunded_fen`;
const FROM = `fees.payment_notices n LEFT JOIN fees.assessments a ON a.case_no = n.case_no`;

// The shapes PaymentRow and RefundRow have; times come back as ISO strings inside JSON.
const DETAIL_COLUMNS = `
  (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'amount_fen', p.amount_fen::text, 'channel', p.channel, 'reference', p.reference,
            'source', p.source, 'applied', p.applied, 'paid_at', p.paid_at,
            'refunded_fen', (SELECT COALESCE(sum(r2.amount_fen), 0)::text FROM fees.refunds r2 WHERE r2.payment_id = p.id)) ORDER BY p.paid_at, p.id), '[]')
     FROM fees.payments p WHERE p.notice_no = n.notice_no) AS payments,
  (SELECT COALESCE(json_agg(json_build_object('refund_no', r.refund_no, 'notice_no', r.notice_no, 'payment_id', r.payment_id,
            'amount_fen', r.amount_fen::text, 'channel', r.channel, 'reason', r.reason, 'split', r.split, 'refunded_by', r.refunded_by,
            'refunded_at', r.refunded_at) ORDER BY r.refunded_at, r.refund_no), '[]')
     FROM fees.refunds r WHERE r.notice_no = n.notice_no) AS refunds`;

export interface DetailedNoticeRow extends NoticeRow {
  payments: PaymentRow[];
  refunds: RefundRow[];
}

export interface NewNotice {
  noticeNo: string;
  caseNo: string;
  items: NoticeLineView[];
  totalFen: number;
  expiresAt: Date;
  centerCode: string | null;
  replaces?: string;
}

export interface NoticeFilter {
  /** A NoticeStatus; EXPIRED and UNPAID are told apart by expires_at against the database clock. */
  status?: string;
  department?: string;
  from?: Date;
  to?: Date;
  after?: CursorKey;
  limit: number;
}

/** fees.payment_notices: at most one that is not VOID per case; an expired one is VOID once reissued. */
@Injectable()
export class NoticeRepository {
  constructor(private readonly ds: DataSource) {}

  async nextSeq(m: EntityManager): Promise<string> {
    return (await queryOne<{ n: string }>(m, `SELECT nextval('fees.payment_notice_seq') AS n`))!.n;
  }

  /** An UNPAID notice for the case; false when the case has a live (not VOID) one already. */
  async issue(m: EntityManager, n: NewNotice): Promise<boolean> {
    const inserted = await queryRows(
      m,
      `INSERT INTO fees.payment_notices (notice_no, case_no, items, total_fen, status, expires_at, center_code, replaces)
       VALUES ($1, $2, $3::jsonb, $4, 'UNPAID', $5, $6, $7)
       ON CONFLICT (case_no) WHERE status <> 'VOID' DO NOTHING RETURNING notice_no`,
      [n.noticeNo, n.caseNo, JSON.stringify(n.items), n.totalFen, n.expiresAt, n.centerCode, n.replaces ?? null],
    );
    return inserted.length > 0;
  }

  /** Locks the notice for the rest of the transaction, so a second payment waits and then sees the first. */
  lock(m: EntityManager, noticeNo: string): Promise<NoticeRow | undefined> {
    return queryOne<NoticeRow>(m, `SELECT ${NOTICE_COLUMNS} FROM ${FROM} WHERE n.notice_no = $1 FOR UPDATE OF n`, [noticeNo]);
  }

  /** UNPAID → PAID from the version read; undefined when someone else changed it meanwhile. */
  async markPaid(m: EntityManager, noticeNo: string, amountFen: number, paidAt: Date, version: number): Promise<NoticeRow | undefined> {
    return queryOne<NoticeRow>(
      m,
      `WITH n AS (
         UPDATE fees.payment_notices SET paid_fen = paid_fen + $2, status = 'PAID', paid_at = $3, version = version + 1
          WHERE notice_no = $1 AND status = 'UNPAID' AND version = $4 RETURNING *)
       SELECT ${NOTICE_COLUMNS} FROM n LEFT JOIN fees.assessments a ON a.case_no = n.case_no`,
      [noticeNo, amountFen, paidAt, version],
    );
  }

  /** An expired notice is replaced: VOID, pointing at its successor. False when it changed meanwhile. */
  async voidForReissue(m: EntityManager, noticeNo: string, replacedBy: string, reason: string, version: number): Promise<boolean> {
    const rows = await queryRows(
      m,
      `UPDATE fees.payment_notices
          SET status = 'VOID', replaced_by = $2, closed_at = now(), close_reason = $3, version = version + 1
        WHERE notice_no = $1 AND status = 'UNPAID' AND version = $4 RETURNING notice_no`,
      [noticeNo, replacedBy, reason, version],
    );
    return rows.length > 0;
  }

  /** The case was withdrawn: an UNPAID notice becomes VOID, a PAID one REFUND_DUE. */
  async closeForWithdrawal(m: EntityManager, caseNo: string, reason: string): Promise<void> {
    await m.query(
      `UPDATE fees.payment_notices
          SET status = CASE status WHEN 'UNPAID' THEN 'VOID' ELSE 'REFUND_DUE' END,
              closed_at = now(), close_reason = $2, version = version + 1
        WHERE case_no = $1 AND status IN ('UNPAID', 'PAID')`,
      [caseNo, reason],
    );
  }

  /** Adds a refund to the notice's books and moves it to the status the refund leaves it in. */
  async addRefunded(m: EntityManager, noticeNo: string, amountFen: number, status: NoticeRow['status']): Promise<void> {
    await m.query(`UPDATE fees.payment_notices SET refunded_fen = refunded_fen + $2, status = $3, version = version + 1 WHERE notice_no = $1`, [
      noticeNo,
      amountFen,
      status,
    ]);
  }

  /**
   * The case's current notice (the one that is not VOID, else the newest) with its payments and refunds, in one
   * statement: every staff screen polls the case view, and this is its fees part.
   */
  ofCase(caseNo: string): Promise<DetailedNoticeRow | undefined> {
    return queryOne<DetailedNoticeRow>(
      this.ds.manager,
      `SELECT ${NOTICE_COLUMNS}, ${DETAIL_COLUMNS} FROM ${FROM} WHERE n.case_no = $1 ORDER BY (n.status = 'VOID'), n.issued_at DESC LIMIT 1`,
      [caseNo],
    );
  }

  /** One notice with its payments and refunds, in one statement. */
  detailed(noticeNo: string): Promise<DetailedNoticeRow | undefined> {
    return queryOne<DetailedNoticeRow>(this.ds.manager, `SELECT ${NOTICE_COLUMNS}, ${DETAIL_COLUMNS} FROM ${FROM} WHERE n.notice_no = $1`, [noticeNo]);
  }

  /** Newest first, one past the page size (see paginate). */
  list(f: NoticeFilter): Promise<NoticeRow[]> {
    return queryRows<NoticeRow>(
      this.ds.manager,
      `SELECT ${NOTICE_COLUMNS}, ${cursorTime('n.issued_at')} AS issued_key FROM ${FROM}
        WHERE CASE $1::text
                WHEN 'EXPIRED' THEN n.status = 'UNPAID' AND n.expires_at <= now()
                WHEN 'UNPAID' THEN n.status = 'UNPAID' AND (n.expires_at IS NULL OR n.expires_at > now())
                ELSE $1::text IS NULL OR n.status = $1::text END
          AND ($2::text IS NULL OR n.items @> jsonb_build_array(jsonb_build_object('department', $2::text)))
          AND ($3::timestamptz IS NULL OR n.issued_at >= $3)
          AND ($4::timestamptz IS NULL OR n.issued_at < $4)
          AND ($5::timestamptz IS NULL OR (n.issued_at, n.notice_no) < ($5::timestamptz, $6::text))
        ORDER BY n.issued_at DESC, n.notice_no DESC
        LIMIT $7`,
      [f.status ?? null, f.department ?? null, f.from ?? null, f.to ?? null, f.after?.at ?? null, f.after?.id ?? null, f.limit + 1],
    );
  }
}
