import { Events } from './events.js';

export const CaseStatus = {
  ACCEPTED: 'ACCEPTED',
  IN_REVIEW: 'IN_REVIEW',
  SUSPENDED: 'SUSPENDED',
  REJECTED: 'REJECTED',
  APPROVED: 'APPROVED',
  AWAITING_PAYMENT: 'AWAITING_PAYMENT',
  READY_FOR_DELIVERY: 'READY_FOR_DELIVERY',
  DELIVERING: 'DELIVERING',
  DELIVERED: 'DELIVERED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];

/**
 * The life of a case, one rule for every service that keeps a status of it (routing's full one, intake's view of how
 * it ended). Events of different types arrive in any order (delivery's "dispatched" may overtake its "ready"), so a
 * case's status only ever moves forward; IN_REVIEW and SUSPENDED share a rank because a supplement goes both ways.
 */
const RANK: Record<CaseStatus, number> = {
  ACCEPTED: 0,
  IN_REVIEW: 1,
  SUSPENDED: 1,
  APPROVED: 2,
  AWAITING_PAYMENT: 3,
  READY_FOR_DELIVERY: 4,
  DELIVERING: 5,
  DELIVERED: 6,
  REJECTED: 7,
  WITHDRAWN: 7,
};

export function isTerminal(status: CaseStatus): boolean {
  return status === CaseStatus.REJECTED || status === CaseStatus.WITHDRAWN;
}

export function isUnderReview(status: CaseStatus): boolean {
  return status === CaseStatus.IN_REVIEW || status === CaseStatus.SUSPENDED;
}

/** Rejection and withdrawal end a case only while it is still being decided; after approval the path is fixed. */
export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  if (from === to || isTerminal(from)) return false;
  if (isTerminal(to)) return RANK[from] < RANK.APPROVED;
  return RANK[to] >= RANK[from];
}

/** Every status a case may move to `to` from: the guard of an update that does not read the status first. */
export function statusesMovingTo(to: CaseStatus): CaseStatus[] {
  return Object.values(CaseStatus).filter((from) => canMove(from, to));
}

/** Events that mark a step of the case's life in a service other than the one that emitted them. */
const STATUS_ON_EVENT: Partial<Record<string, CaseStatus>> = {
  [Events.CaseRejected]: CaseStatus.REJECTED,
  [Events.NoticeIssued]: CaseStatus.AWAITING_PAYMENT,
  [Events.DeliveryReady]: CaseStatus.READY_FOR_DELIVERY,
  [Events.DeliveryDispatched]: CaseStatus.DELIVERING,
  [Events.DeliveryDelivered]: CaseStatus.DELIVERED,
};

/** The status an event moves a case to, whatever its status now; undefined when it only goes on the timeline. */
export function statusOnEvent(eventType: string): CaseStatus | undefined {
  return STATUS_ON_EVENT[eventType];
}

/** The status an event moves the case to, or undefined when it only goes on the timeline or would go back. */
export function statusAfterEvent(current: CaseStatus, eventType: string): CaseStatus | undefined {
  const target = statusOnEvent(eventType);
  return target && canMove(current, target) ? target : undefined;
}
