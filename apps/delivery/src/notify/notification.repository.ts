import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationChannel, NotificationTemplate } from '#libs/contracts';
import { PiiKeyring } from '#libs/crypto';
import { queryOne, queryRows } from '#libs/persistence';

/** A notifications row as PostgreSQL returns it. */
export interface NotificationRow {
  id: string;
  case_no: string;
  cause_event_id: string;
  cause_type: string;
  template: NotificationTemplate;
  phone: string;
  body: string;
  status: 'QUEUED' | 'SENT' | 'FAILED';
  channel: NotificationChannel | null;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const COLUMNS = `id, case_no, cause_event_id, cause_type, template, phone, body, status, channel, attempts, next_attempt_at, last_error, created_at, sent_at`;

export interface NewNotification {
  id: string;
  caseNo: string;
  causeEventId: string;
  causeType: string;
  template: NotificationTemplate;
  phone: string;
  body: string;
}

/**
 * delivery.notifications and delivery.notify_recipients: what the applicant is told, and where to reach them. The
 * phone is sealed with the personal-data key in both tables and opened on read.
 */
@Injectable()
export class NotificationRepository {
  constructor(private readonly keyring: PiiKeyring) {}

  /** The first recipient of a case stands; a redelivered acceptance changes nothing. */
  async addRecipient(m: EntityManager, caseNo: string, phone: string, itemName: string): Promise<void> {
    await m.query(`INSERT INTO delivery.notify_recipients (case_no, phone, item_name) VALUES ($1, $2, $3) ON CONFLICT (case_no) DO NOTHING`, [
      caseNo,
      this.keyring.seal(phone),
      itemName,
    ]);
  }

  async recipient(m: EntityManager, caseNo: string): Promise<{ phone: string; item_name: string } | undefined> {
    const r = await queryOne<{ phone: string; item_name: string }>(m, `SELECT phone, item_name FROM delivery.notify_recipients WHERE case_no = $1`, [caseNo]);
    return r && { ...r, phone: this.keyring.open(r.phone) };
  }

  /** Queues a notification; false when this cause already queued this template (the unique key turns it away). */
  async queue(m: EntityManager, n: NewNotification): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      m,
      `INSERT INTO delivery.notifications (id, case_no, cause_event_id, cause_type, template, phone, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (cause_event_id, template) DO NOTHING RETURNING id`,
      [n.id, n.caseNo, n.causeEventId, n.causeType, n.template, this.keyring.seal(n.phone), n.body],
    );
    return rows.length === 1;
  }

  /** The oldest queued notification whose time has come, locked; one another replica holds is skipped. */
  async lockNextDue(m: EntityManager): Promise<NotificationRow | undefined> {
    const row = await queryOne<NotificationRow>(
      m,
      `SELECT ${COLUMNS} FROM delivery.notifications WHERE status = 'QUEUED' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [],
    );
    return row && { ...row, phone: this.keyring.open(row.phone) };
  }

  async markSent(m: EntityManager, id: string, channel: NotificationChannel): Promise<void> {
    await m.query(`UPDATE delivery.notifications SET status = 'SENT', channel = $2, attempts = attempts + 1, sent_at = now(), last_error = NULL WHERE id = $1 AND status = 'QUEUED'`, [
      id,
      channel,
    ]);
  }

  /** One more failed try: queued again after `retryInMs`, or FAILED when `final`. */
  async markAttemptFailed(m: EntityManager, id: string, channel: NotificationChannel, error: string, retryInMs: number, final: boolean): Promise<void> {
    await m.query(
      `UPDATE delivery.notifications SET status = CASE WHEN $5 THEN 'FAILED' ELSE 'QUEUED' END, channel = $2, attempts = attempts + 1,
         last_error = $3, next_attempt_at = now() + ($4::int * interval '1 millisecond') WHERE id = $1 AND status = 'QUEUED'`,
      [id, channel, error, retryInMs, final],
    );
  }
}
