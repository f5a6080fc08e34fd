import 'reflect-metadata';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import { AckPolicy, jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { Events, type EventDataMap, type EventEnvelope } from '#libs/contracts';
import {
  connectNats,
  counters,
  deadLetterStream,
  deleteStreams,
  ensureStreams,
  EventContext,
  messagingTablesUp,
  listDeadLetters,
  MessagingHousekeeping,
  NatsServer,
  newEvent,
  replayDeadLetters,
  OnEvent,
  PassThroughRpcFilter,
  OutboxRelay,
  UnitOfWork,
  wireSubject,
} from '#libs/messaging';
import { freshDatabase, infrastructure, uniqueName } from '../support/infra.js';

const SCHEMA = 'mtest';
const TYPE = Events.CaseAccepted;
/** The machinery under test never reads an event's data, so these events carry stand-in data under a real type. */
type StandIn = { n?: number; poison?: boolean };
const standIn = (data: StandIn) => data as unknown as EventDataMap[typeof TYPE];

/** What a real handler does: its effect goes through the transaction the server gave it. */
@Controller()
class RecordingHandler {
  static failuresLeft = new Map<string, number>();
  static mended = false;

  @OnEvent(TYPE)
  async handle(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    await ctx.tx.manager.query(`INSERT INTO ${SCHEMA}.effects (event_id) VALUES ($1)`, [e.id]);
    if ((e.data as StandIn).poison && !RecordingHandler.mended) throw new Error('this event can never be handled');
    const left = RecordingHandler.failuresLeft.get(e.id) ?? 0;
    if (left > 0) {
      RecordingHandler.failuresLeft.set(e.id, left - 1);
      throw new Error('transient failure');
    }
  }
}

@Module({ controllers: [RecordingHandler] })
class TestModule {}

describe('durable messaging: outbox → JetStream → inbox', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let relay: OutboxRelay;
  let uow: UnitOfWork;
  let app: INestMicroservice;
  const ns = uniqueName('itest');
  const actor = { id: 'clerk1', role: 'CLERK' as const };

  beforeAll(async () => {
    const infra = await infrastructure();
    db = await freshDatabase('ow_msg');
    ds = new DataSource({ type: 'postgres', url: db.url, synchronize: false });
    await ds.initialize();
    await ds.query(`CREATE SCHEMA ${SCHEMA}`);
    for (const sql of messagingTablesUp(SCHEMA)) await ds.query(sql);
    await ds.query(`CREATE TABLE ${SCHEMA}.effects (event_id uuid NOT NULL)`);
    nc = await connectNats(infra.natsUrl, 'messaging-test');
    js = jetstream(nc);
    relay = new OutboxRelay(ds, SCHEMA, js, ns, { sweepMs: 50 });
    uow = new UnitOfWork(ds, SCHEMA, relay);
    app = await NestFactory.createMicroservice(TestModule, {
      strategy: new NatsServer({ service: 'mtest', namespace: ns, nc, uow, maxDeliver: 3, backoffMs: [100], ackWaitMs: 2000 }),
      logger: ['error'],
    });
    app.useGlobalFilters(new PassThroughRpcFilter());
    await app.listen();
    relay.start();
  });

  afterAll(async () => {
    await relay?.stop();
    await app?.close();
    if (nc) {
      await deleteStreams(await jetstreamManager(nc), ns);
      await nc.drain();
    }
    await ds?.destroy();
    await db?.drop();
  });

  const effectsOf = async (id: string): Promise<number> =>
    Number((await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.effects WHERE event_id = $1`, [id]))[0].n);

  async function eventually(check: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('delivers a committed event once and marks its outbox row published', async () => {
    const event = await uow.run({ actor }, async (tx) => tx.emit(TYPE, 'CASE-1', standIn({ n: 1 })));
    await eventually(async () => (await effectsOf(event.id)) === 1);
    // The mark follows JetStream's ack, gathered with other marks into one UPDATE: shortly after, not before, delivery.
    await eventually(async () => (await ds.query(`SELECT published_at FROM ${SCHEMA}.outbox WHERE id = $1`, [event.id]))[0].published_at !== null);
  });

  it('publishes right after the commit, without waiting for a sweep', async () => {
    await relay.stop();
    const slow = new OutboxRelay(ds, SCHEMA, js, ns, { sweepMs: 600_000 });
    slow.start();
    try {
      const uowSlow = new UnitOfWork(ds, SCHEMA, slow);
      // The first sweep at start hands publishing back to committers once it finds the outbox clean.
      await new Promise((r) => setTimeout(r, 300));
      const event = await uowSlow.run({ actor }, async (tx) => tx.emit(TYPE, 'CASE-9', standIn({ n: 9 })));
      await eventually(async () => (await effectsOf(event.id)) === 1, 3000);
    } finally {
      await slow.stop();
      relay.start();
    }
  });

  it('a sweep publishes what a committer left behind (it died between commit and publish)', async () => {
    const orphan = newEvent(TYPE, 'CASE-10', standIn({ n: 10 }), { actor });
    await ds.query(`INSERT INTO ${SCHEMA}.outbox (id, type, case_no, envelope, created_at) VALUES ($1, $2, 'CASE-10', $3::jsonb, now() - interval '1 minute')`, [
      orphan.id,
      TYPE,
      JSON.stringify(orphan),
    ]);
    await eventually(async () => (await effectsOf(orphan.id)) === 1);
    await eventually(async () => (await ds.query(`SELECT published_at FROM ${SCHEMA}.outbox WHERE id = $1`, [orphan.id]))[0].published_at !== null);
  });

  it('handles a burst in batches, one commit each, and a failing event in a batch costs the others nothing', async () => {
    const batchesBefore = counters.eventBatches;
    const burst = Array.from({ length: 60 }, (_, n) => newEvent(TYPE, `CASE-B${n}`, standIn({ n }), { actor }));
    RecordingHandler.failuresLeft.set(burst[30].id, 1);
    await Promise.all(burst.map((e) => js.publish(wireSubject(ns, TYPE), JSON.stringify(e), { msgID: e.id })));
    await eventually(async () => {
      const [{ n }] = await ds.query(`SELECT count(DISTINCT event_id)::int AS n FROM ${SCHEMA}.effects WHERE event_id = ANY($1::uuid[])`, [burst.map((e) => e.id)]);
      return n === burst.length;
    }, 15000);
    await new Promise((r) => setTimeout(r, 300));
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.effects WHERE event_id = ANY($1::uuid[])`, [burst.map((e) => e.id)]);
    expect(n).toBe(burst.length);
    expect(RecordingHandler.failuresLeft.get(burst[30].id)).toBe(0);
    expect(counters.eventBatches).toBeGreaterThan(batchesBefore);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    let emitted: EventEnvelope | undefined;
    await expect(
      uow.run({ actor }, async (tx) => {
        emitted = tx.emit(TYPE, 'CASE-2', standIn({}));
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const rows = await ds.query(`SELECT 1 FROM ${SCHEMA}.outbox WHERE id = $1`, [emitted!.id]);
    expect(rows).toHaveLength(0);
  });

  it('drops a duplicate publish of the same event id (relay crashed after publishing, before marking)', async () => {
    const event = await uow.run({ actor }, async (tx) => tx.emit(TYPE, 'CASE-3', standIn({})));
    await eventually(async () => (await effectsOf(event.id)) === 1);
    const before = counters.duplicatesDropped;
    await ds.query(`UPDATE ${SCHEMA}.outbox SET published_at = NULL WHERE id = $1`, [event.id]);
    await eventually(async () => (await ds.query(`SELECT published_at FROM ${SCHEMA}.outbox WHERE id = $1`, [event.id]))[0].published_at !== null);
    expect(counters.duplicatesDropped).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await effectsOf(event.id)).toBe(1);
  });

  it('acks a redelivered event without doing its effect again (consumer crashed after commit, before ack)', async () => {
    const event = newEvent(TYPE, 'CASE-4', {}, { actor });
    // The first delivery committed its effect and inbox row, then the process died before acking.
    await ds.transaction(async (m) => {
      await m.query(`INSERT INTO ${SCHEMA}.effects (event_id) VALUES ($1)`, [event.id]);
      await m.query(`INSERT INTO ${SCHEMA}.inbox (consumer, event_id) VALUES ($1, $2)`, [`mtest__${TYPE.replace(/\./g, '_')}`, event.id]);
    });
    const skippedBefore = counters.redeliveriesSkipped;
    await js.publish(wireSubject(ns, TYPE), JSON.stringify(event), { msgID: event.id });
    await eventually(async () => counters.redeliveriesSkipped > skippedBefore);
    expect(await effectsOf(event.id)).toBe(1);
  });

  it('retries a failed handler and keeps only the successful attempt\'s effect', async () => {
    const event = newEvent(TYPE, 'CASE-5', {}, { actor });
    RecordingHandler.failuresLeft.set(event.id, 1);
    await js.publish(wireSubject(ns, TYPE), JSON.stringify(event), { msgID: event.id });
    await eventually(async () => (await effectsOf(event.id)) === 1 && RecordingHandler.failuresLeft.get(event.id) === 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await effectsOf(event.id)).toBe(1);
  });

  it('sends a poison event to the dead-letter subject after bounded retries, with the reason', async () => {
    const event = newEvent(TYPE, 'CASE-6', { poison: true }, { actor });
    const deadBefore = counters.deadLettered;
    await js.publish(wireSubject(ns, TYPE), JSON.stringify(event), { msgID: event.id });
    await eventually(async () => counters.deadLettered > deadBefore, 15000);
    expect(await effectsOf(event.id)).toBe(0);

    const jsm = await jetstreamManager(nc);
    const dlq = deadLetterStream(ns);
    await jsm.consumers.add(dlq, { durable_name: 'inspect', ack_policy: AckPolicy.Explicit });
    const msg = await (await js.consumers.get(dlq, 'inspect')).next({ expires: 2000 });
    expect(msg).not.toBeNull();
    expect(msg!.json<EventEnvelope>().id).toBe(event.id);
    expect(msg!.headers?.get('x-dlq-reason')).toContain('can never be handled');
    expect(msg!.headers?.get('x-dlq-deliveries')).toBe('3');
  });

  it('replays a dead letter once its cause is mended, and the failed consumer then handles it once', async () => {
    const parked = await listDeadLetters(nc, ns, 'mtest__intake_case_accepted_v1');
    expect(parked.map((l) => l.event?.caseNo)).toContain('CASE-6');
    const id = parked.find((l) => l.event?.caseNo === 'CASE-6')!.event!.id;
    RecordingHandler.mended = true;
    const replayed = await replayDeadLetters(nc, ns, { consumer: 'mtest__intake_case_accepted_v1' });
    expect(replayed.length).toBeGreaterThan(0);
    await eventually(async () => (await effectsOf(id)) === 1);
    expect(await listDeadLetters(nc, ns)).toEqual([]);
  });

  it('forgets published outbox rows and inbox rows past their retention, and nothing younger or unpublished', async () => {
    const old = newEvent(TYPE, 'CASE-7', {}, { actor });
    const unpublished = newEvent(TYPE, 'CASE-8', {}, { actor });
    await ds.query(
      `INSERT INTO ${SCHEMA}.outbox (id, type, case_no, envelope, created_at, published_at)
       VALUES ($1, $2, 'CASE-7', '{}', now() - interval '9 days', now() - interval '8 days'),
              ($3, $2, 'CASE-8', '{}', now() - interval '9 days', NULL)`,
      [old.id, TYPE, unpublished.id],
    );
    await ds.query(`INSERT INTO ${SCHEMA}.inbox (consumer, event_id, processed_at) VALUES ('c', $1, now() - interval '40 days'), ('c', $2, now())`, [
      old.id,
      unpublished.id,
    ]);
    // Keep the relay away from the unpublished row while we look.
    await relay.stop();
    const outboxBefore = Number((await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox`))[0].n);
    const removed = await new MessagingHousekeeping(ds, SCHEMA, { outbox: 7, inbox: 31 }).runOnce(1);
    expect(removed).toEqual({ outbox: 1, inbox: 1 });
    expect(Number((await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox`))[0].n)).toBe(outboxBefore - 1);
    expect(await ds.query(`SELECT event_id FROM ${SCHEMA}.inbox WHERE consumer = 'c'`)).toEqual([{ event_id: unpublished.id }]);
    await ds.query(`DELETE FROM ${SCHEMA}.outbox WHERE id = $1`, [unpublished.id]);
    relay.start();
  });

  it('creates its streams idempotently', async () => {
    const jsm = await jetstreamManager(nc);
    await expect(ensureStreams(jsm, ns)).resolves.toBeUndefined();
    await expect(ensureStreams(jsm, ns)).resolves.toBeUndefined();
  });
});
