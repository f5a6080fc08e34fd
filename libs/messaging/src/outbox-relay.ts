import { Logger } from '@nestjs/common';
import type { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { Headers } from '#libs/contracts';
import { OutboxRepository, type OutboxRow } from './outbox.repository.js';
import { wireSubject } from './subjects.js';
import { counters } from './counters.js';


/**
 * Publishes committed outbox rows to JetStream with the event id as Nats-Msg-Id, then marks them published.
 * A crash between publish and mark only re-publishes, and the stream's duplicate window absorbs it.
 * Rows are claimed with SKIP LOCKED so several replicas relay side by side without publishing a row twice at once.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private pending = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly js: JetStreamClient,
    private readonly namespace: string,
    private readonly batchSize = 200,
    private readonly idleMs = 250,
  ) {
    this.outbox = new OutboxRepository(schema);
  }

  private readonly outbox: OutboxRepository;

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Called after a commit that wrote events, so they go out now rather than at the next poll. */
  kick(): void {
    this.pending = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const sent = await this.relayBatch();
        failures = 0;
        if (sent === this.batchSize) continue;
      } catch (e) {
        failures++;
        if (failures === 1 || failures % 20 === 0) this.logger.warn(`outbox relay of ${this.schema} failed (${failures}x): ${(e as Error).message}`);
      }
      await this.idle(failures ? Math.min(5000, this.idleMs * 2 ** Math.min(failures, 5)) : this.idleMs);
    }
  }

  private idle(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        this.pending = false;
        done();
      };
    });
  }

  /** Publishes one batch; returns how many rows it published. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows = await this.outbox.lockUnpublished(m, this.batchSize);
      if (rows.length === 0) return 0;
      // nats.js writes in call order on one connection, so per-stream order is kept while acks are awaited together.
      await Promise.all(rows.map((r) => this.publish(r)));
      await this.outbox.markPublished(m, rows.map((r) => r.id));
      counters.published += rows.length;
      return rows.length;
    });
  }

  private async publish(row: OutboxRow): Promise<void> {
    const h = natsHeaders();
    h.set(Headers.correlationId, row.envelope.correlationId);
    if (row.envelope.causationId) h.set(Headers.causationId, row.envelope.causationId);
    h.set(Headers.eventType, row.type);
    const ack = await this.js.publish(wireSubject(this.namespace, row.type), JSON.stringify(row.envelope), {
      msgID: row.id,
      headers: h,
    });
    if (ack.duplicate) counters.duplicatesDropped++;
  }
}
