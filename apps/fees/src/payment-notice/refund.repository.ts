import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DepartmentAmount } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

export interface NewRefund {
  refundNo: string;
  noticeNo: string;
  caseNo: string;
  paymentId: string | null;
  amountFen: number;
  channel: string;
  reason: string;
  split: DepartmentAmount[];
  refundedBy: string;
}

export interface RefundRow {
  refund_no: string;
  notice_no: string;
  payment_id: string | null;
  amount_fen: string;
  channel: string;
  reason: string;
  split: DepartmentAmount[];
  refunded_by: string;
  refunded_at: Date;
}

/** fees.refunds: money returned (退费), each with its number, channel and split per department. */
@Injectable()
export class RefundRepository {
  constructor(private readonly ds: DataSource) {}

  async nextSeq(m: EntityManager): Promise<string> {
    return (await queryOne<{ n: string }>(m, `SELECT nextval('fees.refund_seq') AS n`))!.n;
  }

  async add(m: EntityManager, r: NewRefund): Promise<void> {
    await m.query(
      `INSERT INTO fees.refunds (refund_no, notice_no, case_no, payment_id, amount_fen, channel, reason, split, refunded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
      [r.refundNo, r.noticeNo, r.caseNo, r.paymentId, r.amountFen, r.channel, r.reason, JSON.stringify(r.split), r.refundedBy],
    );
  }

  ofNotice(m: EntityManager | undefined, noticeNo: string): Promise<RefundRow[]> {
    return queryRows<RefundRow>(
      m ?? this.ds.manager,
      `SELECT refund_no, notice_no, payment_id, amount_fen, channel, reason, split, refunded_by, refunded_at
         FROM fees.refunds WHERE notice_no = $1 ORDER BY refunded_at, refund_no`,
      [noticeNo],
    );
  }
}
