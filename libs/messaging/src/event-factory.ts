import { v7 as uuidv7 } from 'uuid';
import type { Actor, EventEnvelope } from '#libs/contracts';
import { currentTraceparent } from '#libs/observability';

export interface EventMeta {
  actor: Actor;
  correlationId?: string;
  causationId?: string | null;
  occurredAt?: Date;
}

/** UUIDv7 ids sort by time, so outbox and inbox indexes stay append-mostly. */
export function newEvent<T>(type: string, caseNo: string, data: T, meta: EventMeta): EventEnvelope<T> {
  const id = uuidv7();
  const e: EventEnvelope<T> = {
    id,
    type,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    caseNo,
    correlationId: meta.correlationId ?? id,
    causationId: meta.causationId ?? null,
    actor: meta.actor,
    data,
  };
  // The emitting span, when tracing is on: the consumers' spans join its trace (the relay needs to know nothing).
  const traceparent = currentTraceparent();
  if (traceparent) e.traceparent = traceparent;
  return e;
}

export function newId(): string {
  return uuidv7();
}
