import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { InboxRepository } from './inbox.repository.js';
import { OutboxRepository } from './outbox.repository.js';

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
  ) {
    this.outbox = new OutboxRepository(schema);
    this.inbox = new InboxRepository(schema);
  }

  private readonly outbox: OutboxRepository;
  private readonly inbox: InboxRepository;

  start(everyMs = 3_600_000): void {
    this.timer = setInterval(() => void this.runOnce().catch((e) => this.logger.warn(`housekeeping of ${this.schema} failed: ${(e as Error).message}`)), everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async runOnce(batch = 5000): Promise<{ outbox: number; inbox: number }> {
    const outbox = await this.inBatches(batch, (m) => this.outbox.deletePublished(m, this.days.outbox, batch));
    const inbox = await this.inBatches(batch, (m) => this.inbox.deleteProcessed(m, this.days.inbox, batch));
    // Not left to autovacuum, which may be off: the outbox's marks and the inbox's churn would otherwise slow every scan.
    await this.outbox.vacuum(this.ds.manager);
    await this.inbox.vacuum(this.ds.manager);
    return { outbox, inbox };
  }

  private async inBatches(batch: number, deleteSome: (m: EntityManager) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await deleteSome(this.ds.manager);
      total += n;
      if (n < batch) return total;
    }
  }
}
