import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { queryRows } from '#libs/persistence';

export interface RetentionDays {
  /** Published outbox rows are kept this long, for inspection. */
  outbox: number;
  /** Inbox rows must outlive every possible redelivery: longer than the streams keep messages. */
  inbox: number;
}

/** From OUTBOX_RETENTION_DAYS and STREAM_MAX_AGE_DAYS (how long JetStream keeps events; see streams.ts). */
export function retentionDays(config: Pick<ServiceConfig, 'outboxRetentionDays' | 'streamMaxAgeDays'>): RetentionDays {
  return { outbox: config.outboxRetentionDays, inbox: config.streamMaxAgeDays + 1 };
}

/**
 * Keeps the outbox and inbox from growing forever. Safe on every replica at once: deleting a row twice is a no-op.
 * Deletes in bounded batches so a first run over a large backlog never holds long locks.
 */
export class MessagingHousekeeping {
  private readonly logger = new Logger(MessagingHousekeeping.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly ds: DataSource,
    private readonly schema: string,
    private readonly days: RetentionDays,
  ) {}

  start(everyMs = 3_600_000): void {
    this.timer = setInterval(() => void this.runOnce().catch((e) => this.logger.warn(`housekeeping of ${this.schema} failed: ${(e as Error).message}`)), everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async runOnce(batch = 5000): Promise<{ outbox: number; inbox: number }> {
    const outbox = await this.deleteInBatches(
      `DELETE FROM "${this.schema}".outbox WHERE id IN (
         SELECT id FROM "${this.schema}".outbox WHERE published_at < now() - make_interval(days => $1) LIMIT $2)
       RETURNING 1`,
      this.days.outbox,
      batch,
    );
    const inbox = await this.deleteInBatches(
      `DELETE FROM "${this.schema}".inbox WHERE (consumer, event_id) IN (
         SELECT consumer, event_id FROM "${this.schema}".inbox WHERE processed_at < now() - make_interval(days => $1) LIMIT $2)
       RETURNING 1`,
      this.days.inbox,
      batch,
    );
    return { outbox, inbox };
  }

  private async deleteInBatches(sql: string, days: number, batch: number): Promise<number> {
    let total = 0;
    for (;;) {
      const n = (await queryRows(this.ds.manager, sql, [days, batch])).length;
      total += n;
      if (n < batch) return total;
    }
  }
}
