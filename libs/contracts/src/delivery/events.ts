/** Events the delivery service publishes (综合窗口出件). Composed into `Events` and `EventDataMap` in ../events.ts. */
export const DeliveryEvents = {
  CertificatesIssued: 'delivery.certificates.issued.v1',
  DeliveryReady: 'delivery.delivery.ready.v1',
  DeliveryDispatched: 'delivery.delivery.dispatched.v1',
  DeliveryDelivered: 'delivery.delivery.delivered.v1',
  PickupUnlocked: 'delivery.pickup.unlocked.v1',
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
}

/** Staff verified the applicant in person after too many failed pickups, and let the pickup be tried again. */
export interface PickupUnlockedData {
  deliveryId: string;
  failedAttempts: number;
  reason: string;
}

export interface DeliveryEventDataMap {
  [DeliveryEvents.CertificatesIssued]: CertificatesIssuedData;
  [DeliveryEvents.DeliveryReady]: DeliveryReadyData;
  [DeliveryEvents.DeliveryDispatched]: DeliveryDispatchedData;
  [DeliveryEvents.DeliveryDelivered]: DeliveryDeliveredData;
  [DeliveryEvents.PickupUnlocked]: PickupUnlockedData;
}
