import type { Actor } from '../envelope.js';

/**
 * The audit record of case events (issue #11, 电子监察留痕), kept by routing beside each case's timeline and
 * hash-chained; the gateway lists it with its own record of requests and asks routing to verify its chain.
 */
export const RoutingAuditRpc = {
  auditList: 'rpc.routing.audit.list',
  auditVerify: 'rpc.routing.audit.verify',
} as const;

/** Where a merged audit page left off: entries strictly older than (at, chain tag, number), newest first. */
export interface AuditPosition {
  /** UTC to the microsecond, as the cursor helpers write it. */
  at: string;
  /** 'G' for the gateway's requests, 'R' for routing's case events: ties at one instant are broken by it. */
  tag: 'G' | 'R';
  seq: string;
}

/** rpc.routing.audit.list → CaseEventAuditRow[], newest first, at most `limit`. */
export interface CaseEventAuditQuery {
  caseNo?: string;
  /** The actor, or the chief representative a backup acted for. */
  user?: string;
  /** Instants (ISO 8601), inclusive. */
  from?: string;
  to?: string;
  before?: AuditPosition;
  limit: number;
}

export interface CaseEventAuditRow {
  seq: string;
  /** UTC to the microsecond. */
  at: string;
  eventId: string;
  type: string;
  caseNo: string;
  actor: Actor;
  data: Record<string, unknown>;
}

/** rpc.routing.audit.verify {from?, to?} → AuditChainReport: the chain recomputed over the entries of the period. */
export interface AuditVerifyQuery {
  from?: string;
  to?: string;
}

export interface AuditChainReport {
  chain: string;
  entriesChecked: number;
  ok: boolean;
  /** The first entry whose link does not hold, and why; null when every link holds. */
  firstBrokenEntry: { id: string; at: string | null; reason: string } | null;
}

export interface RoutingAuditRpcMap {
  [RoutingAuditRpc.auditList]: { request: CaseEventAuditQuery; reply: CaseEventAuditRow[] };
  [RoutingAuditRpc.auditVerify]: { request: AuditVerifyQuery; reply: AuditChainReport };
}
