import { Logger } from '@nestjs/common';
import type { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { Headers, type EventEnvelope } from '#libs/contracts';
import { OutboxRepository, type OutboxRow } from './outbox.repository.js';
import { wireSubject } from './subjects.js';
import { counters } from './counters.js';

export interface OutboxRelayOptions {
  /** Rows per sweep query. */
  batchSize?: number;
  /** How often the safety-net sweep looks for rows nobody published (OUTBOX_SWEEP_MS). */
  sweepMs?: number;
  /** A sweep leaves rows younger than this to the process that committed them and is publishing them now. */
  graceMs?: number;
}

/**
 * Publishes committed outbox rows to JetStream with the event id as Nats-Msg-Id, then marks them published.
 *
 * The process that commits hands its rows over (`publishCommitted`), so an event goes out right after its commit
 * without any query; marks are gathered into one UPDATE. Rows whose committer died first, or whose publish failed,
 * are found by a sweep (at start, every `sweepMs`, and at once after a failure). No lock is held while waiting on
 * JetStream: two replicas sweeping the same row both publish it, and the stream's duplicate window (Nats-Msg-Id)
 * drops the second, as it drops a re-publish after a crash between publish and mark.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly outbox: OutboxRepository;
  private readonly batchSize: number;
  private readonly sweepMs: number;
  private readonly graceMs: number;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Set when a hand-over failed: the sweep takes over (in outbox order) until it finds the outbox clean. */
  private sweepNeeded = true;
  private readonly inFlight = new Set<Promise<void>>();
  private marks: string[] = [];
  private marking?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly js: JetStreamClient,
    private readonly namespace: string,
    opts: OutboxRelayOptions = {},
  ) {
    this.outbox = new OutboxRepository(schema);
    this.batchSize = opts.batchSize ?? 200;
    this.sweepMs = opts.sweepMs ?? 5000;
    this.graceMs = opts.graceMs ?? 2000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.sweepNeeded = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    await this.marking;
  }

  /** Called after a commit with the events it wrote: they go out now, in the order they were emitted. */
  publishCommitted(events: EventEnvelope[]): void {
    if (!this.running || this.sweepNeeded) return this.kick();
    // nats.js writes in call order on one connection, so per-stream order is kept while the acks are awaited together.
    const p = Promise.all(events.map((e) => this.publish({ id: e.id, type: e.type, envelope: e })))
      .then(() => this.markPublished(events.map((e) => e.id)))
      .catch((e) => {
        this.sweepNeeded = true;
        this.logger.warn(`outbox of ${this.schema}: publishing after commit failed, the sweep takes over: ${(e as Error).message}`);
        this.kick();
      })
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Asks for a sweep now. */
  kick(): void {
    this.sweepNeeded = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const sent = await this.sweep();
        failures = 0;
        if (sent === this.batchSize) continue;
        // A sweep that found the outbox clean of old rows hands publishing back to the committers.
        if (sent === 0) this.sweepNeeded = false;
      } catch (e) {
        failures++;
        if (failures === 1 || failures % 20 === 0) this.logger.warn(`outbox relay of ${this.schema} failed (${failures}x): ${(e as Error).message}`);
      }
      const wait = failures ? Math.min(5000, 100 * 2 ** Math.min(failures, 6)) : this.sweepNeeded ? Math.min(250, this.sweepMs) : this.sweepMs;
      await this.idle(wait);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }

  /**
   * Publishes the oldest rows left unpublished past the grace period; returns how many. In sweep mode (after a failed
   * hand-over) the grace is 0 so recovery does not wait, and a re-publish of a row in flight is dropped by the stream.
   */
  async sweep(): Promise<number> {
    const rows = await this.outbox.unpublished(this.dataSource.manager, this.batchSize, this.sweepNeeded ? 0 : this.graceMs);
    if (rows.length === 0) return 0;
    await Promise.all(rows.map((r) => this.publish(r)));
    await this.outbox.markPublished(this.dataSource.manager, rows.map((r) => r.id));
    return rows.length;
  }

  /** Gathers marks while one UPDATE is running, so a burst of commits costs one UPDATE, not one each. */
  private markPublished(ids: string[]): Promise<void> {
    this.marks.push(...ids);
    if (!this.marking) this.marking = this.flushMarks();
    return this.marking;
  }

  private async flushMarks(): Promise<void> {
    try {
      while (this.marks.length) {
        const ids = this.marks;
        this.marks = [];
        // A failed mark leaves rows unpublished: the sweep publishes them again and the stream drops the duplicate.
        await this.outbox.markPublished(this.dataSource.manager, ids).catch((e) => {
          this.logger.warn(`outbox of ${this.schema}: marking ${ids.length} rows failed, the sweep will re-publish them: ${(e as Error).message}`);
        });
      }
    } finally {
      this.marking = undefined;
    }
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
    counters.published++;
    if (ack.duplicate) counters.duplicatesDropped++;
  }
}
