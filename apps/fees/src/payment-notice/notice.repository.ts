import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FeeLine, NoticeView } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

/** A payment_notices row as PostgreSQL returns it: bigint arrives as a string. */
export interface NoticeRow {
  notice_no: string;
  case_no: string;
  items: FeeLine[];
  total_fen: string;
  paid_fen: string;
  status: NoticeView['status'];
  issued_at: Date;
  paid_at: Date | null;
  version: number;
}

const NOTICE_COLUMNS = 'notice_no, case_no, items, total_fen, paid_fen, status, issued_at, paid_at, version';

export interface NewPayment {
  id: string;
  noticeNo: string;
  amountFen: number;
  channel: string;
  reference: string;
  recordedBy: string;
}

/** fees.payment_notices (one per case) and the payments recorded against them. */
@Injectable()
export class NoticeRepository {
  constructor(private readonly ds: DataSource) {}

  async nextSeq(m: EntityManager): Promise<string> {
    return (await queryOne<{ n: string }>(m, `SELECT nextval('fees.payment_notice_seq') AS n`))!.n;
  }

  /** An UNPAID notice for the case; false when the case has one already. */
  async issue(m: EntityManager, noticeNo: string, caseNo: string, items: FeeLine[], totalFen: number): Promise<boolean> {
    const inserted = await queryRows(
      m,
      `INSERT INTO fees.payment_notices (notice_no, case_no, items, total_fen, status)
       VALUES ($1, $2, $3::jsonb, $4, 'UNPAID') ON CONFLICT (case_no) DO NOTHING RETURNING notice_no`,
      [noticeNo, caseNo, JSON.stringify(items), totalFen],
    );
    return inserted.length > 0;
  }

  /** Locks the notice for the rest of the transaction, so a second payment waits and then sees the first. */
  lock(m: EntityManager, noticeNo: string): Promise<NoticeRow | undefined> {
    return queryOne<NoticeRow>(m, `SELECT ${NOTICE_COLUMNS} FROM fees.payment_notices WHERE notice_no = $1 FOR UPDATE`, [noticeNo]);
  }

  /** UNPAID → PAID from the version read; undefined when someone else changed it meanwhile. */
  async markPaid(m: EntityManager, noticeNo: string, amountFen: number, version: number): Promise<NoticeRow | undefined> {
    const [paid] = await queryRows<NoticeRow>(
      m,
      `UPDATE fees.payment_notices
          SET paid_fen = paid_fen + $2, status = 'PAID', paid_at = now(), version = version + 1
        WHERE notice_no = $1 AND status = 'UNPAID' AND version = $3
        RETURNING ${NOTICE_COLUMNS}`,
      [noticeNo, amountFen, version],
    );
    return paid;
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

  async hasPaymentWithReference(m: EntityManager, reference: string): Promise<boolean> {
    return !!(await queryOne(m, `SELECT 1 FROM fees.payments WHERE reference = $1`, [reference]));
  }

  /** Fails on payments_reference_key when the bank reference is already recorded. */
  async addPayment(m: EntityManager, p: NewPayment): Promise<void> {
    await m.query(`INSERT INTO fees.payments (id, notice_no, amount_fen, channel, reference, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      p.id,
      p.noticeNo,
      p.amountFen,
      p.channel,
      p.reference,
      p.recordedBy,
    ]);
  }

  /** Newest first; every status when none is given. */
  list(status: NoticeView['status'] | undefined): Promise<NoticeRow[]> {
    return queryRows<NoticeRow>(
      this.ds.manager,
      `SELECT ${NOTICE_COLUMNS} FROM fees.payment_notices
        WHERE ($1::text IS NULL OR status = $1)
        ORDER BY issued_at DESC, notice_no DESC`,
      [status ?? null],
    );
  }

  ofCase(caseNo: string): Promise<NoticeRow | undefined> {
    return queryOne<NoticeRow>(this.ds.manager, `SELECT ${NOTICE_COLUMNS} FROM fees.payment_notices WHERE case_no = $1`, [caseNo]);
  }
}
