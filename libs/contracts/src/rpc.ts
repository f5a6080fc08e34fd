import { ApprovalRpc } from './approval/rpc.js';
import { DeliveryRpc } from './delivery/rpc.js';
import type { Actor } from './envelope.js';
import { FeesRpc } from './fees/rpc.js';
import { IntakeRpc } from './intake/rpc.js';
import { RoutingRpc } from './routing/rpc.js';

/**
 * Core NATS request/reply subjects: queries and commands whose caller waits for the answer, composed from the owning
 * services' `<Service>Rpc` (./<service>/rpc.ts, beside their request and reply types). Served with a queue group per
 * service, so replicas share the load.
 */
export const Rpc = {
  intake: IntakeRpc,
  routing: RoutingRpc,
  approval: ApprovalRpc,
  fees: FeesRpc,
  delivery: DeliveryRpc,
} as const;

/** Commands carry who is acting; the gateway fills it from the verified token, never from the body. */
export interface Command<T> {
  actor: Actor;
  data: T;
  /**
   * The HTTP Idempotency-Key, scoped to the user. A service that creates something keeps it with what it created, so
   * a retry after a lost reply (an RPC timeout frees the gateway's key) finds the first result instead of a second one.
   */
  requestId?: string;
}

/** A query that takes nothing: the caller sends `{}`. */
export type NoPayload = Record<string, never>;

/** The many queries about one case. */
export interface CaseQuery {
  caseNo: string;
}
