import type { NotificationSentData } from './notifications.js';
import { CertificateEvents, type CertificateEventDataMap } from './certificates.js';
import { CourierEvents, type CourierEventDataMap } from './courier.js';
import { DecisionLetterEvents, type DecisionLetterEventDataMap } from './decision-letters.js';
/** Events the delivery service publishes (综合窗口出件). Composed into `Events` and `EventDataMap` in ../events.ts. */
export const DeliveryEvents = {
  ...CertificateEvents,
  ...CourierEvents,
  ...DecisionLetterEvents,
  CertificatesIssued: 'delivery.certificates.issued.v1',
  DeliveryReady: 'delivery.delivery.ready.v1',
  DeliveryDispatched: 'delivery.delivery.dispatched.v1',
  DeliveryDelivered: 'delivery.delivery.delivered.v1',
  PickupUnlocked: 'delivery.pickup.unlocked.v1',
  NotificationSent: 'delivery.notification.sent.v1',
} as const;

export interface CertificatesIssuedData {
  certificates: { certificateNo: string; name: string; department: string }[];
}

export interface DeliveryReadyData {
  deliveryId: string;
  method: 'WINDOW' | 'COURIER';
}

export interface DeliveryDispatchedData {
  deliveryId: string;
  carrier: string;
  waybillNo: string;
}

export interface DeliveryDeliveredData {
  deliveryId: string;
  method: 'WINDOW' | 'COURIER';
  signedBy: string;
  /** 委托代领: collected by this proxy (the ID number masked). */
  proxy?: { name: string; idNumber: string };
}

/** Staff verified the applicant in person after too many failed pickups, and let the pickup be tried again. */
export interface PickupUnlockedData {
  deliveryId: string;
  failedAttempts: number;
  reason: string;
}

export interface DeliveryEventDataMap extends CertificateEventDataMap, CourierEventDataMap, DecisionLetterEventDataMap {
  [DeliveryEvents.CertificatesIssued]: CertificatesIssuedData;
  [DeliveryEvents.DeliveryReady]: DeliveryReadyData;
  [DeliveryEvents.DeliveryDispatched]: DeliveryDispatchedData;
  [DeliveryEvents.DeliveryDelivered]: DeliveryDeliveredData;
  [DeliveryEvents.PickupUnlocked]: PickupUnlockedData;
  [DeliveryEvents.NotificationSent]: NotificationSentData;
}
