import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DepartmentAmount } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

export interface NewPayment {
  id: string;
  noticeNo: string;
  amountFen: number;
  channel: string;
  reference: string;
  recordedBy: string;
  source: 'WINDOW' | 'CALLBACK';
  paidAt: Date;
  /** false: a double payment, kept to be refunded. */
  applied: boolean;
  split: DepartmentAmount[];
}

export interface PaymentRow {
  id: string;
  amount_fen: string;
  channel: string;
  reference: string;
  source: 'WINDOW' | 'CALLBACK';
  applied: boolean;
  paid_at: Date;
  /** What has been refunded of this payment (double payments only: a notice refund names no payment). */
  refunded_fen: string;
}

/** fees.payments: money received against a notice, with its split per department. */
@Injectable()
export class PaymentRepository {
  constructor(private readonly ds: DataSource) {}

  async hasReference(m: EntityManager, reference: string): Promise<boolean> {
    return !!(await queryOne(m, `SELECT 1 FROM fees.payments WHERE reference = $1`, [reference]));
  }

  /** Fails on payments_reference_key when the reference is already recorded. */
  async add(m: EntityManager, p: NewPayment): Promise<void> {
    await m.query(
      `INSERT INTO fees.payments (id, notice_no, amount_fen, channel, reference, recorded_by, source, paid_at, applied, split)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`,
      [p.id, p.noticeNo, p.amountFen, p.channel, p.reference, p.recordedBy, p.source, p.paidAt, p.applied, JSON.stringify(p.split)],
    );
  }

  /** Oldest first, each with what has been refunded of it. */
  ofNotice(m: EntityManager | undefined, noticeNo: string): Promise<PaymentRow[]> {
    return queryRows<PaymentRow>(
      m ?? this.ds.manager,
      `SELECT p.id, p.amount_fen, p.channel, p.reference, p.source, p.applied, p.paid_at,
              COALESCE((SELECT sum(r.amount_fen) FROM fees.refunds r WHERE r.payment_id = p.id), 0) AS refunded_fen
         FROM fees.payments p WHERE p.notice_no = $1 ORDER BY p.paid_at, p.id`,
      [noticeNo],
    );
  }
}
