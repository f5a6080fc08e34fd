import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BankCallbackReply, BankCallbackRequest } from '#libs/contracts';
import { queryOne } from '#libs/persistence';

/** fees.bank_callbacks: every signed callback and the answer it got, keyed by the bank's reference. */
@Injectable()
export class BankCallbackRepository {
  async answerTo(m: EntityManager, bankReference: string): Promise<BankCallbackReply | undefined> {
    const row = await queryOne<{ status_code: number; answer: BankCallbackReply['body'] }>(
      m,
      `SELECT status_code, answer FROM fees.bank_callbacks WHERE bank_reference = $1`,
      [bankReference],
    );
    return row && { status: row.status_code, body: row.answer };
  }

  /** Takes the reference for this callback; false when a concurrent retry took it first. */
  async record(m: EntityManager, req: BankCallbackRequest, paidAt: Date, reply: BankCallbackReply): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO fees.bank_callbacks (bank_reference, notice_no, amount_fen, channel, paid_at, outcome, status_code, answer)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) ON CONFLICT (bank_reference) DO NOTHING RETURNING bank_reference`,
      [req.bankReference, req.noticeNo, req.amountFen, req.channel, paidAt, reply.body.outcome, reply.status, JSON.stringify(reply.body)],
    );
    return rows.length > 0;
  }
}
