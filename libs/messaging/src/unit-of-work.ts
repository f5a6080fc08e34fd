import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, EventDataMap, EventEnvelope, EventType } from '#libs/contracts';
import { countCommitted } from '#libs/observability';
import { newEvent } from './event-factory.js';
import { InboxRepository } from './inbox.repository.js';
import type { OutboxRelay } from './outbox-relay.js';
import { OutboxRepository } from './outbox.repository.js';

export interface TxMeta {
  actor: Actor;
  correlationId?: string;
  causationId?: string | null;
}

/**
 * A transaction that can also emit events; they are written to the outbox in the same commit. The event type fixes
 * the data's type (EventDataMap), so producer and consumers agree on it at compile time.
 */
export interface Tx {
  readonly manager: EntityManager;
  readonly meta: TxMeta;
  emit<K extends EventType>(type: K, caseNo: string, data: EventDataMap[K], actor?: Actor): EventEnvelope<EventDataMap[K]>;
}

/**
 * Runs a state change and its events as one commit (the outbox pattern). Nothing is published until the
 * commit succeeds, and nothing committed is ever lost: the relay publishes it, now or after a restart.
 */
export class UnitOfWork {
  private readonly outbox: OutboxRepository;
  /** The service's inbox, which the event server claims each delivery in before its handler runs. */
  readonly inbox: InboxRepository;

  constructor(
    private readonly dataSource: DataSource,
    readonly schema: string,
    private readonly relay?: OutboxRelay,
  ) {
    this.outbox = new OutboxRepository(schema);
    this.inbox = new InboxRepository(schema);
  }

  async run<R>(meta: TxMeta, work: (tx: Tx) => Promise<R>): Promise<R> {
    const [result] = await this.runEach([meta], (tx) => work(tx));
    return result;
  }

  /**
   * Several pieces of work, each with its own meta (actor, correlation, causation), in ONE commit: how a consumer
   * handles a batch of events for the price of one transaction. All or nothing, like `run`.
   */
  async runEach<R>(metas: TxMeta[], work: (tx: Tx, index: number) => Promise<R>): Promise<R[]> {
    const events: EventEnvelope[] = [];
    const results = await this.dataSource.transaction(async (manager) => {
      const out: R[] = [];
      for (const [i, meta] of metas.entries()) {
        const tx: Tx = {
          manager,
          meta,
          emit: (type, caseNo, data, actor) => {
            const e = newEvent(type, caseNo, data, { ...meta, actor: actor ?? meta.actor });
            events.push(e);
            return e;
          },
        };
        out.push(await work(tx, i));
      }
      if (events.length) await this.outbox.append(manager, events);
      return out;
    });
    if (events.length) this.relay?.publishCommitted(events);
    if (events.length) countCommitted(events);
    return results;
  }
}
