import 'reflect-metadata';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { loadConfig, type ServiceConfig } from '#libs/config';
import { producerOf, type Actor, type EventDataMap, type EventEnvelope, type EventType } from '#libs/contracts';
import { connectNats, counters, deleteStreams, durableName, newEvent, RpcClient, streamName, wireSubject } from '#libs/messaging';
import { createServiceApp } from '#libs/platform';
import { freshDatabase, infrastructure, uniqueName } from './infra.js';

/** Who published an upstream event: the producing service, as its relay would. */
const SYSTEM: Actor = { id: 'test', role: 'SYSTEM' };

export interface OneService {
  config: ServiceConfig;
  /** The service's own connection pool, for a look at its rows. */
  ds: DataSource;
  /** A caller of the service's RPCs from outside the process, as the gateway or another service would ask. */
  rpc: RpcClient;
  /** An upstream event for this service, as its producer would emit it. */
  event<K extends EventType>(type: K, caseNo: string, data: EventDataMap[K], actor?: Actor): EventEnvelope<EventDataMap[K]>;
  /** Publishes events on their JetStream subjects (event id as Nats-Msg-Id, as the relay does); their stream sequences. */
  publish(...events: EventEnvelope[]): Promise<number[]>;
  /**
   * The same event once more under another Nats-Msg-Id, so JetStream's duplicate window lets it through and only the
   * service's inbox stands between it and a second effect (a redelivery after a lost ack looks like this), and waits
   * until the service acked it: whether its inbox turned it away.
   */
  redeliver(event: EventEnvelope): Promise<{ skippedByInbox: boolean }>;
  /** Waits until the service acked the message at `seq` of the event type's consumer (handled, or skipped as seen). */
  handled(type: EventType, seq: number, timeoutMs?: number): Promise<void>;
  /** Publishes and waits until each is handled. */
  deliver(...events: EventEnvelope[]): Promise<void>;
  /** The events the service wrote to its outbox for a case, oldest first. */
  emitted(caseNo: string): Promise<EventEnvelope[]>;
  /** How many times the service's inbox recorded this event id (any consumer). */
  inboxCount(eventId: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * One back-end service in this process, started by `createServiceApp` (#libs/platform) as `bootstrapService` starts
 * it, minus the HTTP port: its module registered with `loadConfig`, migrations run on a fresh database, its handlers
 * served by NatsServer in a NATS namespace of its own. Failed events are retried within a fraction of a second, so a
 * test can let one overtake another. The service logs errors only (IT_LOG_LEVEL=warn or log to see more).
 */
export async function startOneService(service: string, register: (config: ServiceConfig) => DynamicModule): Promise<OneService> {
  const infra = await infrastructure();
  const db = await freshDatabase(`ow_${service}`);
  const namespace = uniqueName(`it_${service}`);
  const config = loadConfig(service, {
    // delivery's notification sender stays off (its rows stay QUEUED, nothing more in the outbox) unless a test sets it.
    NOTIFY_POLL_MS: '0',
    ...process.env,
    DATABASE_URL: db.url,
    NATS_URL: infra.natsUrl,
    NATS_NAMESPACE: namespace,
    EVENT_RETRY_BACKOFF_MS: '100',
    MIGRATIONS_RUN: 'true',
    MIGRATE_ONLY: 'false',
    LOG_LEVEL: process.env.IT_LOG_LEVEL ?? 'error',
    LOG_FORMAT: 'text',
  });
  let app: INestApplication | undefined;
  let nc: NatsConnection | undefined;
  try {
    app = (await createServiceApp(register(config), config))!;
    const ds = app.get(DataSource);

    nc = await connectNats(infra.natsUrl, `${service}-test`);
    const js = jetstream(nc);
    const jsm: JetStreamManager = await jetstreamManager(nc);
    const rpc = new RpcClient(nc, namespace);
    const publishOne = async (e: EventEnvelope, msgID: string) =>
      (await js.publish(wireSubject(namespace, e.type), JSON.stringify(e), { msgID })).seq;
    const handled = async (type: EventType, seq: number, timeoutMs = 10_000) => {
      const stream = streamName(namespace, producerOf(type));
      const until = Date.now() + timeoutMs;
      while ((await jsm.consumers.info(stream, durableName(service, type))).ack_floor.stream_seq < seq) {
        if (Date.now() > until) throw new Error(`${service} did not ack ${type} #${seq} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const publish = (...events: EventEnvelope[]) => Promise.all(events.map((e) => publishOne(e, e.id)));
    const started = app;
    const connection = nc;
    return {
      config,
      ds,
      rpc,
      event: (type, caseNo, data, actor = SYSTEM) => newEvent(type, caseNo, data, { actor }),
      publish,
      async redeliver(e) {
        const skippedBefore = counters.redeliveriesSkipped;
        await handled(e.type as EventType, await publishOne(e, `${e.id}:again`));
        return { skippedByInbox: counters.redeliveriesSkipped === skippedBefore + 1 };
      },
      handled,
      async deliver(...events) {
        const seqs = await publish(...events);
        await Promise.all(events.map((e, i) => handled(e.type as EventType, seqs[i])));
      },
      async emitted(caseNo) {
        const rows: { envelope: EventEnvelope }[] = await ds.query(`SELECT envelope FROM "${service}".outbox WHERE case_no = $1 ORDER BY seq`, [caseNo]);
        return rows.map((r) => r.envelope);
      },
      async inboxCount(eventId) {
        const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${service}".inbox WHERE event_id = $1`, [eventId]);
        return n;
      },
      async stop() {
        await started.close();
        await deleteStreams(jsm, namespace).catch(() => undefined);
        await connection.close();
        await db.drop();
      },
    };
  } catch (e) {
    await app?.close().catch(() => undefined);
    await nc?.close().catch(() => undefined);
    await db.drop().catch(() => undefined);
    throw e;
  }
}

/** The events of one type among `events`, with their data typed. */
export function ofType<K extends EventType>(events: EventEnvelope[], type: K): EventEnvelope<EventDataMap[K]>[] {
  return events.filter((e): e is EventEnvelope<EventDataMap[K]> => e.type === type);
}
