import { CaseStatus, Events, type EventType } from '#libs/contracts';
import { OWNER_PARTS, type PartName, type StoredParts, type WorkflowPart } from './parts.js';

/**
 * The owner's part each event says has changed. An owner emits after its change committed, so a part fetched after
 * routing applied the event shows at least that change. Every event routing consumes is listed here or in
 * NO_OWNER_PART (stale-parts.spec.ts holds the two lists to every event type there is).
 */
export const PARTS_OF_EVENT: Partial<Record<EventType, readonly PartName[]>> = {
  // The view begins: nothing of the other owners is known yet.
  [Events.CaseAccepted]: OWNER_PARTS,
  [Events.CaseSupplemented]: ['intake'],
  [Events.CaseWithdrawn]: ['intake'],
  [Events.TaskDecided]: ['tasks'],
  [Events.TaskCancelled]: ['tasks'],
  [Events.TaskExtended]: ['tasks'],
  [Events.TaskAssigned]: ['tasks'],
  [Events.TasksChanged]: ['tasks'],
  [Events.OpinionRecorded]: ['opinions'],
  [Events.NoticeIssued]: ['notice'],
  [Events.PaymentRecorded]: ['notice'],
  [Events.NoticeReissued]: ['notice'],
  [Events.RefundRecorded]: ['notice'],
  [Events.FeesSettled]: ['notice'],
  [Events.CertificatesIssued]: ['deliveries'],
  [Events.DeliveryReady]: ['deliveries'],
  [Events.DeliveryDispatched]: ['deliveries'],
  [Events.PickupUnlocked]: ['deliveries'],
  [Events.DeliveryDelivered]: ['deliveries'],
  [Events.DeliveryFailed]: ['deliveries'],
  [Events.DeliveryReturnedToWindow]: ['deliveries'],
  [Events.CertificateRevoked]: ['deliveries'],
  [Events.DecisionLetterIssued]: ['deliveries'],
};

/** Events that change nothing the view shows of another owner (routing's own part is rewritten after every event). */
export const NO_OWNER_PART: readonly EventType[] = [
  Events.SiteSurveyScheduled,
  Events.SiteSurveyFindingsRecorded,
  Events.NotificationSent,
];

export function partsOfEvent(type: string): readonly PartName[] {
  return PARTS_OF_EVENT[type as EventType] ?? [];
}

const NOTICE_OPEN = new Set(['UNPAID', 'PAID', 'EXPIRED']);

/**
 * Parts an owner may change without an event, read from the owner on every view while the condition lasts (and
 * written back only when they differ), so the view never shows what is no longer true:
 * - fees: an UNPAID notice turns EXPIRED by the clock (fees computes it when asked); a withdrawal voids an unpaid
 *   notice or makes a paid one REFUND_DUE without an event (SettleWithdrawn);
 * - delivery: a withdrawal cancels a READY delivery without an event (CancelWithdrawn); a DISPATCHED courier
 *   parcel's IN_TRANSIT / OUT_FOR_DELIVERY tracking is recorded without one (TrackDelivery); and a delivery with an
 *   address is kept without it (only delivery may keep addresses), so its part is read each time.
 * Each condition ends by itself (the notice is EXPIRED, VOID or REFUND_DUE; the delivery CANCELLED or DELIVERED), except
 * the address. The fees and delivery conditions go once those services emit events for these changes.
 */
export function volatileParts(workflow: WorkflowPart, parts: StoredParts, now: Date): PartName[] {
  const withdrawn = workflow.status === CaseStatus.WITHDRAWN || !!parts.intake?.value?.withdrawnAt;
  const volatile: PartName[] = [];
  const notice = parts.notice?.value;
  if (notice) {
    const expires = notice.status === 'UNPAID' && !!notice.expiresAt && Date.parse(notice.expiresAt) <= now.getTime();
    if (expires || (withdrawn && NOTICE_OPEN.has(notice.status))) volatile.push('notice');
  }
  const deliveries = parts.deliveries?.value ?? [];
  if (deliveries.some((d) => d.addressWithheld || (d.method === 'COURIER' && d.status === 'DISPATCHED') || (withdrawn && d.status === 'READY'))) {
    volatile.push('deliveries');
  }
  return volatile;
}

/** How often a part in `recheckedParts` is asked of its owner again, at most (per case and routing process). */
export const RECHECK_MS = 5000;

/**
 * Parts whose owner decides them by a clock routing cannot see, asked again from time to time (RECHECK_MS) besides
 * the exact rules above: fees computes EXPIRED from its own expires_at, so an unpaid notice is asked again every few
 * seconds while a screen looks at it, should that moment be other than the expiresAt routing kept.
 */
export function recheckedParts(parts: StoredParts): PartName[] {
  return parts.notice?.value?.status === 'UNPAID' ? ['notice'] : [];
}
