import type { OnApplicationShutdown } from '@nestjs/common';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { counters, deadLetterStream, OutboxRepository, PRODUCERS, streamName } from '#libs/messaging';
import { cachedReading, countersFrom, flushTracing, initMetrics, scrapeGauge, startTracing, type Reading } from '#libs/observability';

/**
 * What every service measures about its messaging, read at scrape time (nothing on the hot path): the outbox the
 * relay has yet to publish, its durable consumers' pending and redelivered messages, the letters they parked, and
 * the process's messaging counters. Started, with tracing, by PlatformModule; stopped with the app.
 */
export class Telemetry implements OnApplicationShutdown {
  private readonly removers: (() => void)[] = [];

  private constructor(
    private readonly config: ServiceConfig,
    private readonly ds: DataSource,
    private readonly nc: NatsConnection,
  ) {}

  static async start(config: ServiceConfig, ds: DataSource, nc: NatsConnection): Promise<Telemetry> {
    await startTracing(config.service, config);
    initMetrics(config.service);
    countersFrom('ow_messaging', 'Process-wide messaging counter', counters);
    const t = new Telemetry(config, ds, nc);
    // The gateway publishes no events and consumes none: no outbox, no consumers of its own.
    if (config.service !== 'gateway') t.watchMessaging();
    return t;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const remove of this.removers) remove();
    await flushTracing();
  }

  private watchMessaging(): void {
    const service = this.config.service;
    const outbox = new OutboxRepository(service);
    const lag = cachedReading('outbox', async () => {
      const { backlog, oldestAgeSeconds } = await outbox.lag(this.ds.manager);
      return [
        { labels: { service, what: 'backlog' }, value: backlog },
        { labels: { service, what: 'age' }, value: oldestAgeSeconds },
      ];
    });
    const pick = (what: string) => async (): Promise<Reading> => (await lag()).filter((r) => r.labels.what === what).map((r) => ({ labels: { service }, value: r.value }));
    this.removers.push(
      scrapeGauge('ow_outbox_backlog', 'Outbox rows not yet published', ['service'], pick('backlog')),
      scrapeGauge('ow_outbox_oldest_unpublished_age_seconds', 'Age of the oldest unpublished outbox row (relay lag; 0 when none)', ['service'], pick('age')),
    );

    let jsm: Promise<JetStreamManager> | undefined;
    const manager = () => (jsm ??= jetstreamManager(this.nc).catch((e) => ((jsm = undefined), Promise.reject(e))));
    const consumers = cachedReading('consumers', () => this.consumerInfo(manager));
    const field = (key: 'pending' | 'ackPending' | 'redelivered') => async (): Promise<Reading> =>
      (await consumers()).filter((r) => r.labels.what === key).map((r) => ({ labels: { service, consumer: r.labels.consumer }, value: r.value }));
    const letters = cachedReading('dead_letters', () => this.deadLetters(manager, consumers), 15_000);
    this.removers.push(
      scrapeGauge('ow_consumer_pending', 'Events in the stream not yet delivered to the durable consumer', ['service', 'consumer'], field('pending')),
      scrapeGauge('ow_consumer_ack_pending', 'Events delivered to the durable consumer and not yet acknowledged', ['service', 'consumer'], field('ackPending')),
      scrapeGauge('ow_consumer_redelivered', 'Events of the durable consumer delivered more than once and not yet acknowledged', ['service', 'consumer'], field('redelivered')),
      scrapeGauge('ow_dead_letters', 'Letters parked on the dead-letter stream by the durable consumer (npm run dlq)', ['service', 'consumer'], letters),
    );
  }

  /** This service's durable consumers (`<service>__<event>`) on every producer's stream: one list call per stream. */
  private async consumerInfo(manager: () => Promise<JetStreamManager>): Promise<Reading> {
    const jsm = await manager();
    const prefix = `${this.config.service}__`;
    const rows: Reading = [];
    for (const producer of PRODUCERS) {
      const stream = streamName(this.config.namespace, producer);
      try {
        for await (const ci of jsm.consumers.list(stream)) {
          if (!ci.name.startsWith(prefix)) continue;
          rows.push(
            { labels: { consumer: ci.name, what: 'pending' }, value: ci.num_pending },
            { labels: { consumer: ci.name, what: 'ackPending' }, value: ci.num_ack_pending },
            { labels: { consumer: ci.name, what: 'redelivered' }, value: ci.num_redelivered },
          );
        }
      } catch (e) {
        // A stream not made yet has no consumers; anything else fails the reading.
        if (!/not found/i.test((e as Error)?.message ?? '')) throw e;
      }
    }
    return rows;
  }

  /** Letters per consumer of this service, from the dead-letter stream's subject counts (`<ns>.dlq.<consumer>.<case>`). */
  private async deadLetters(manager: () => Promise<JetStreamManager>, consumers: () => Promise<Reading>): Promise<Reading> {
    const service = this.config.service;
    const counts = new Map<string, number>();
    for (const r of await consumers()) if (r.labels.what === 'pending') counts.set(r.labels.consumer, 0);
    const info = await (await manager()).streams.info(deadLetterStream(this.config.namespace), { subjects_filter: `${this.config.namespace}.dlq.>` }).catch((e: Error) => {
      if (/not found/i.test(e?.message ?? '')) return undefined;
      throw e;
    });
    for (const [subject, n] of Object.entries(info?.state.subjects ?? {})) {
      const consumer = subject.split('.')[2] ?? '';
      if (consumer.startsWith(`${service}__`)) counts.set(consumer, (counts.get(consumer) ?? 0) + n);
    }
    return [...counts].map(([consumer, value]) => ({ labels: { service, consumer }, value }));
  }
}
