import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, EventDataMap, EventEnvelope, EventType } from '#libs/contracts';
import { newEvent } from './event-factory.js';
import type { OutboxRelay } from './outbox-relay.js';

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
  constructor(
    private readonly dataSource: DataSource,
    readonly schema: string,
    private readonly relay?: OutboxRelay,
  ) {}

  async run<R>(meta: TxMeta, work: (tx: Tx) => Promise<R>): Promise<R> {
    const events: EventEnvelope[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const tx: Tx = {
        manager,
        meta,
        emit: (type, caseNo, data, actor) => {
          const e = newEvent(type, caseNo, data, { ...meta, actor: actor ?? meta.actor });
          events.push(e);
          return e;
        },
      };
      const r = await work(tx);
      if (events.length) await this.appendToOutbox(manager, events);
      return r;
    });
    if (events.length) this.relay?.kick();
    return result;
  }

  private async appendToOutbox(manager: EntityManager, events: EventEnvelope[]): Promise<void> {
    const values: unknown[] = [];
    const rows = events.map((e, i) => {
      values.push(e.id, e.type, e.caseNo, JSON.stringify(e));
      return `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}::jsonb)`;
    });
    await manager.query(`INSERT INTO "${this.schema}".outbox (id, type, case_no, envelope) VALUES ${rows.join(', ')}`, values);
  }
}

/** Records that `consumer` handled `eventId`; false when it already had, so the caller skips the effect. */
export async function claimInbox(manager: EntityManager, schema: string, consumer: string, eventId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO "${schema}".inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, eventId],
  );
  return rows.length === 1;
}
