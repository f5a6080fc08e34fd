/** Who caused a transition. `onBehalfOf` is set when a backup (AB岗) acts for a primary. */
export interface Actor {
  id: string;
  role: Role | 'SYSTEM';
  department?: string;
  onBehalfOf?: string;
}

export type Role = 'CLERK' | 'CHIEF_REP' | 'FINANCE' | 'COURIER' | 'SUPERVISOR' | 'ADMIN';
export const ROLES: readonly Role[] = ['CLERK', 'CHIEF_REP', 'FINANCE', 'COURIER', 'SUPERVISOR', 'ADMIN'];

/** Every event on JetStream travels in this envelope; `type` doubles as the logical subject. */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  caseNo: string;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  data: T;
  /**
   * The W3C traceparent of the span that emitted the event, when tracing is on (#libs/observability): the
   * consumer's span continues that trace. Absent when tracing is off.
   */
  traceparent?: string;
}

/** Headers carried by every NATS message so a request can be followed across services. */
export const Headers = {
  correlationId: 'x-correlation-id',
  causationId: 'x-causation-id',
  eventType: 'x-event-type',
} as const;
