import { v7 as uuidv7 } from 'uuid';
import type { Actor, EventEnvelope } from '#libs/contracts';

export interface EventMeta {
  actor: Actor;
  correlationId?: string;
  causationId?: string | null;
  occurredAt?: Date;
}

/** UUIDv7 ids sort by time, so outbox and inbox indexes stay append-mostly. */
export function newEvent<T>(type: string, caseNo: string, data: T, meta: EventMeta): EventEnvelope<T> {
  const id = uuidv7();
  return {
    id,
    type,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    caseNo,
    correlationId: meta.correlationId ?? id,
    causationId: meta.causationId ?? null,
    actor: meta.actor,
    data,
  };
}

export function newId(): string {
  return uuidv7();
}
