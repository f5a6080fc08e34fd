import type { EntityManager } from 'typeorm';
import type { EventDataMap, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { summarize } from './timeline-summary.js';

/** One entry per event, whether routing consumed or emitted it; a redelivery or a replay adds nothing. */
export async function recordOnTimeline(m: EntityManager, e: EventEnvelope): Promise<void> {
  await m.query(
    `INSERT INTO routing.timeline (case_no, at, type, actor, data, event_id)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)
     ON CONFLICT (event_id) DO NOTHING`,
    [e.caseNo, e.occurredAt, e.type, JSON.stringify(e.actor), JSON.stringify(summarize(e)), e.id],
  );
}

/** Emits through the outbox and puts the event on the case's timeline in the same transaction. */
export async function emitOnTimeline<K extends keyof EventDataMap>(
  tx: Tx,
  type: K,
  caseNo: string,
  data: EventDataMap[K],
): Promise<EventEnvelope<EventDataMap[K]>> {
  const e = tx.emit(type, caseNo, data);
  await recordOnTimeline(tx.manager, e);
  return e;
}
