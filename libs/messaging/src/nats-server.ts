import { Logger } from '@nestjs/common';
import { BaseRpcContext, CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JetStreamClient,
  type JsMsg,
} from '@nats-io/jetstream';
import { headers as natsHeaders, nanos, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { isObservable, lastValueFrom } from 'rxjs';
import { AppError, ErrorCodes, Headers, producerOf, type Actor, type EventEnvelope } from '#libs/contracts';
import { withCorrelationId } from '#libs/logging';
import { observeEvent, observeRpcServed } from '#libs/observability';
import { counters } from './counters.js';
import { ensureStreams } from './streams.js';
import { deadLetterSubject, durableName, streamName, wireSubject } from './subjects.js';
import type { Tx, UnitOfWork } from './unit-of-work.js';
import { newId } from './event-factory.js';

/** What an @EventPattern handler gets as its context: the event and the transaction its effect must use. */
export class EventContext extends BaseRpcContext<[EventEnvelope, Tx]> {
  get event(): EventEnvelope {
    return this.args[0];
  }
  get tx(): Tx {
    return this.args[1];
  }
}

/** What an @MessagePattern handler gets: the correlation id the caller sent. */
export class RequestContext extends BaseRpcContext<[string]> {
  get correlationId(): string {
    return this.args[0];
  }
}

export interface NatsServerOptions {
  service: string;
  namespace: string;
  nc: NatsConnection;
  /** Required when the service consumes events. */
  uow?: UnitOfWork;
  /** Deliveries before an event goes to the dead-letter subject. */
  maxDeliver?: number;
  /** Wait before each redelivery after a failure, by attempt. */
  backoffMs?: number[];
  /** Transactions at once per consumer (each handles one batch of events). */
  concurrency?: number;
  /** Most events one transaction handles: what JetStream has already handed over, up to this. */
  batchSize?: number;
  ackWaitMs?: number;
  /** STREAM_REPLICAS and STREAM_MAX_AGE_DAYS (ServiceConfig), for the streams this server ensures. */
  streamReplicas?: number;
  streamMaxAgeDays?: number;
}

/**
 * Serves a Nest app's handlers over NATS:
 * - @MessagePattern: core NATS request/reply, in a queue group named after the service (replicas share the load);
 * - @EventPattern: JetStream durable pull consumers, one per event type, with inbox dedup in the handler's
 *   transaction, ack after commit, bounded redeliveries with backoff, then the dead-letter subject.
 */
export class NatsServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger('NatsServer');
  private readonly subscriptions: Subscription[] = [];
  private readonly consumers: ConsumerMessages[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private js?: JetStreamClient;
  private readonly maxDeliver: number;
  private readonly backoffMs: number[];

  constructor(private readonly options: NatsServerOptions) {
    super();
    this.maxDeliver = options.maxDeliver ?? 5;
    this.backoffMs = options.backoffMs ?? [500, 2000, 5000, 15000];
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      for (const [pattern, handler] of this.messageHandlers) {
        if (!handler.isEventHandler) this.serveRequests(pattern, handler);
      }
      const eventPatterns = [...this.messageHandlers].filter(([, h]) => h.isEventHandler);
      if (eventPatterns.length) {
        const jsm = await jetstreamManager(this.options.nc);
        await ensureStreams(jsm, this.options.namespace, { replicas: this.options.streamReplicas ?? 1, maxAgeDays: this.options.streamMaxAgeDays });
        this.js = jetstream(this.options.nc);
        for (const [pattern, handler] of eventPatterns) await this.consumeEvents(jsm, pattern, handler);
      }
      callback();
    } catch (e) {
      callback(e);
    }
  }

  async close(): Promise<void> {
    for (const s of this.subscriptions) s.unsubscribe();
    for (const c of this.consumers) await c.close().catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
  }

  on(): never {
    throw new Error('NatsServer does not expose events');
  }

  unwrap<T>(): T {
    return this.options.nc as T;
  }

  // ---- request/reply ----

  private serveRequests(pattern: string, handler: MessageHandler): void {
    const sub = this.options.nc.subscribe(wireSubject(this.options.namespace, pattern), {
      queue: this.options.service,
      callback: (err, msg) => {
        if (err) return this.logger.error(`subscription ${pattern} failed: ${err.message}`);
        const correlationId = msg.headers?.get(Headers.correlationId) || newId();
        void withCorrelationId(correlationId, () => this.answer(msg, handler, pattern, correlationId));
      },
    });
    this.subscriptions.push(sub);
  }

  /** Always ends in a reply: whatever the handler, the error mapping or the logger throws, the caller hears back. */
  private async answer(msg: Msg, handler: MessageHandler, pattern: string, correlationId: string): Promise<void> {
    const served = observeRpcServed(pattern, msg.headers); // metrics, and a span continuing the caller's trace
    let reply: string;
    try {
      const payload = msg.data.length ? msg.json<unknown>() : {};
      const data = await served.run(async () => settle(await handler(payload, new RequestContext([correlationId]))));
      reply = JSON.stringify({ ok: true, data: data ?? null });
      counters.rpcServed++;
      served.end();
    } catch (e) {
      served.end(e);
      counters.rpcFailed++;
      reply = this.errorReply(e, pattern, correlationId);
    }
    try {
      msg.respond(reply);
    } catch (e) {
      safeLog(() => this.logger.error(`${pattern}: could not send the reply [correlation ${correlationId}]: ${describe(e)}`));
    }
  }

  private errorReply(e: unknown, pattern: string, correlationId: string): string {
    try {
      return JSON.stringify({ ok: false, error: this.toWireError(e, pattern, correlationId) });
    } catch {
      return JSON.stringify({ ok: false, error: { code: ErrorCodes.INTERNAL, message: 'Internal error', status: 500 } });
    }
  }

  private toWireError(e: unknown, pattern: string, correlationId: string) {
    if (isAppError(e)) return { code: e.code, message: e.message, status: e.status, details: e.details };
    const errorId = newId();
    safeLog(() => this.logger.error(`${pattern} failed [error ${errorId}, correlation ${correlationId}]: ${(e as Error)?.stack ?? String(e)}`));
    return { code: ErrorCodes.INTERNAL, message: 'Internal error', status: 500, details: { errorId } };
  }

  // ---- events ----

  private async consumeEvents(jsm: Awaited<ReturnType<typeof jetstreamManager>>, type: string, handler: MessageHandler): Promise<void> {
    const { namespace, service } = this.options;
    const stream = streamName(namespace, producerOf(type));
    const durable = durableName(service, type);
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: wireSubject(namespace, type),
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      // Redelivery is bounded by this server (dead-letter after maxDeliver); the stream side never silently gives up.
      max_deliver: -1,
      max_ack_pending: 1000,
    };
    try {
      await jsm.consumers.add(stream, config);
    } catch {
      await jsm.consumers.update(stream, durable, { ack_wait: config.ack_wait, max_ack_pending: config.max_ack_pending });
    }
    const consumer = await this.js!.consumers.get(stream, durable);
    const concurrency = this.options.concurrency ?? 4;
    const batchSize = this.options.batchSize ?? 32;
    const messages = await consumer.consume({ max_messages: batchSize * 2 });
    this.consumers.push(messages);
    // Messages wait here while every slot is busy; a slot that frees takes all of them (up to batchSize) into one
    // transaction. Under light load a batch is one event, as before; under load, commits grow fewer, not longer.
    const waiting: JsMsg[] = [];
    const slots = new Set<Promise<void>>();
    const launch = () => {
      while (waiting.length && slots.size < concurrency) {
        const batch = waiting.splice(0, batchSize);
        const p = this.processBatch(batch, handler, durable).finally(() => {
          slots.delete(p);
          this.inFlight.delete(p);
          launch();
        });
        slots.add(p);
        this.inFlight.add(p);
      }
    };
    void (async () => {
      for await (const m of messages) {
        waiting.push(m);
        launch();
        if (waiting.length >= batchSize) await Promise.race(slots);
      }
    })().catch((e) => safeLog(() => this.logger.error(`consumer ${durable} stopped: ${describe(e)}`)));
  }

  /**
   * Handles a batch in one transaction. Should any event of it fail, the transaction has changed nothing, and each
   * event is handled again on its own, so only the failing one is retried or parked. Never throws.
   */
  private async processBatch(batch: JsMsg[], handler: MessageHandler, consumer: string): Promise<void> {
    const one = (m: JsMsg) => {
      const correlationId = m.headers?.get(Headers.correlationId) || undefined;
      const handle = () => this.processEvent(m, handler, consumer).catch((e) => this.lastChance(m, consumer, e));
      return correlationId ? withCorrelationId(correlationId, handle) : handle();
    };
    const ready: { m: JsMsg; event: EventEnvelope }[] = [];
    for (const m of batch) {
      const event = this.readEvent(m);
      if (batch.length > 1 && event && m.info.deliveryCount <= this.maxDeliver) ready.push({ m, event });
      else await one(m);
    }
    if (ready.length === 0) return;
    if (ready.length === 1) return one(ready[0].m);
    let fresh: boolean[];
    try {
      fresh = await this.handleInOneTransaction(ready.map((r) => r.event), handler, consumer);
    } catch {
      // Nothing was committed: the events go one by one, with the usual retries and dead letters for the one at fault.
      for (const r of ready) await one(r.m);
      return;
    }
    counters.eventBatches++;
    for (const [i, r] of ready.entries()) {
      if (fresh[i]) counters.consumed++;
      else counters.redeliveriesSkipped++;
      try {
        r.m.ack();
      } catch (e) {
        this.lastChance(r.m, consumer, e);
      }
    }
  }

  private handleInOneTransaction(events: EventEnvelope[], handler: MessageHandler, consumer: string): Promise<boolean[]> {
    const uow = this.uowOrThrow();
    const actor: Actor = { id: this.options.service, role: 'SYSTEM' };
    const metas = events.map((e) => ({ actor, correlationId: e.correlationId, causationId: e.id }));
    return uow.runEach(metas, (tx, i) => {
      const event = events[i];
      return withCorrelationId(event.correlationId, async () => {
        if (!(await uow.inbox.claim(tx.manager, consumer, event.id))) return false;
        await observeEvent(this.options.service, consumer, event, async () => settle(await handler(event, new EventContext([event, tx]))));
        return true;
      });
    });
  }

  /** The event of a well-formed message, or undefined (processEvent then parks it). */
  private readEvent(m: JsMsg): EventEnvelope | undefined {
    try {
      const event = m.json<EventEnvelope>();
      return envelopeProblem(event, m.subject, this.options.namespace) ? undefined : event;
    } catch {
      return undefined;
    }
  }

  private uowOrThrow(): UnitOfWork {
    const uow = this.options.uow;
    if (!uow) throw new Error(`${this.options.service} consumes events but has no UnitOfWork`);
    return uow;
  }

  /** processEvent does not throw; should it ever, the message is let go for a later redelivery rather than lost. */
  private lastChance(m: JsMsg, consumer: string, e: unknown): void {
    counters.handlerCrashes++;
    safeLog(() => this.logger.error(`${consumer}: event handling failed outside the handler: ${describe(e)}`));
    try {
      m.nak(this.backoffMs[this.backoffMs.length - 1]);
    } catch {
      /* the connection is gone: JetStream redelivers after ack_wait */
    }
  }

  private async processEvent(m: JsMsg, handler: MessageHandler, consumer: string): Promise<void> {
    const uow = this.uowOrThrow();
    let event: EventEnvelope;
    try {
      event = m.json<EventEnvelope>();
    } catch (e) {
      return this.deadLetter(m, consumer, `unreadable: ${describe(e)}`);
    }
    const malformed = envelopeProblem(event, m.subject, this.options.namespace);
    // A malformed envelope fails the same way on every delivery: parked at once, not retried.
    if (malformed) return this.deadLetter(m, consumer, `malformed envelope: ${malformed}`, isRecord(event) ? (event as EventEnvelope) : undefined);
    if (m.info.deliveryCount > this.maxDeliver) {
      // Seen more often than allowed without an ack: the process likely crashed on it; do not try again.
      return this.deadLetter(m, consumer, 'delivered too often without success', event);
    }
    const actor: Actor = { id: this.options.service, role: 'SYSTEM' };
    try {
      const fresh = await uow.run({ actor, correlationId: event.correlationId, causationId: event.id }, async (tx) => {
        if (!(await uow.inbox.claim(tx.manager, consumer, event.id))) return false;
        await observeEvent(this.options.service, consumer, event, async () => settle(await handler(event, new EventContext([event, tx]))));
        return true;
      });
      if (fresh) counters.consumed++;
      else counters.redeliveriesSkipped++;
      m.ack();
    } catch (e) {
      const attempt = m.info.deliveryCount;
      if (attempt >= this.maxDeliver) return this.deadLetter(m, consumer, describe(e), event);
      counters.retried++;
      const delay = this.backoffMs[Math.min(attempt - 1, this.backoffMs.length - 1)];
      safeLog(() =>
        this.logger.warn(`${consumer} failed on ${event.type} ${event.id} (case ${event.caseNo}, attempt ${attempt}/${this.maxDeliver}), retry in ${delay} ms: ${describe(e)}`),
      );
      m.nak(delay);
    }
  }

  /**
   * Parks an event on the dead-letter stream with why, then acks it: never a silent drop, never a loop. The letter's
   * subject names the case, so a case view can tell it is blocked (see dead-letters.ts). The ack follows the publish
   * whatever the log line does.
   */
  private async deadLetter(m: JsMsg, consumer: string, reason: string, event?: EventEnvelope): Promise<void> {
    const h = natsHeaders();
    h.set('x-dlq-consumer', consumer);
    h.set('x-dlq-service', this.options.service);
    h.set('x-dlq-reason', headerSafe(reason));
    h.set('x-dlq-original-subject', m.subject);
    h.set('x-dlq-deliveries', String(m.info.deliveryCount));
    try {
      await this.js!.publish(deadLetterSubject(this.options.namespace, consumer, event?.caseNo), m.data, {
        headers: h,
        msgID: event ? `dlq:${consumer}:${event.id}` : undefined,
      });
    } catch (e) {
      safeLog(() => this.logger.error(`could not dead-letter a message for ${consumer}; it stays pending: ${describe(e)}`));
      m.nak(this.backoffMs[this.backoffMs.length - 1]);
      return;
    }
    m.ack();
    counters.deadLettered++;
    safeLog(() =>
      this.logger.error(
        `ALERT dead-lettered ${event?.type ?? m.subject} ${event?.id ?? ''} (case ${event?.caseNo ?? '?'}) for ${consumer} after ${m.info.deliveryCount} deliveries: ${reason}`,
      ),
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The envelope is the consumer's edge: checked once here, so no handler meets a broken one. */
function envelopeProblem(e: unknown, subject: string, namespace: string): string | null {
  if (!isRecord(e)) return 'not an object';
  if (typeof e.id !== 'string' || !UUID.test(e.id)) return 'id is not a UUID';
  if (typeof e.type !== 'string' || wireSubject(namespace, e.type) !== subject) return `type does not match the subject ${subject}`;
  if (typeof e.caseNo !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(e.caseNo)) return 'caseNo is missing or malformed';
  if (!isRecord(e.data)) return 'data is not an object';
  return null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A log line that fails must not turn a handled error into an unhandled one. */
function safeLog(write: () => void): void {
  try {
    write();
  } catch {
    /* the logger is already built not to throw; this is the belt to its braces */
  }
}

/** NATS headers are single-line ASCII-ish text: newlines and control characters would break the frame. */
function headerSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 500);
}

async function settle(result: unknown): Promise<unknown> {
  return isObservable(result) ? lastValueFrom(result, { defaultValue: undefined }) : result;
}

function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && 'code' in e && 'status' in e && typeof (e as AppError).status === 'number');
}

function describe(e: unknown): string {
  try {
    if (e instanceof Error) return e.message;
    if (typeof e === 'object' && e) return JSON.stringify(e);
    return String(e);
  } catch {
    return 'an error that cannot be printed';
  }
}
