import type { HealthReport } from '../health.js';
import type { CaseQuery, Command, NoPayload } from '../rpc.js';
import { CertificateRpc, type CertificateRpcMap } from './certificates.js';
import { DecisionLetterRpc, type DecisionLetterRpcMap } from './decision-letters.js';
import { CourierRpc, type CourierRpcMap, type DeliveriesPage, type DeliveryStatus, type ListDeliveriesRequest, type ProxyView, type TrackingEntryView } from './courier.js';

/** What the delivery service answers on request/reply; composed into `Rpc` and `RpcMap`. */
export const DeliveryRpc = {
  ...CertificateRpc,
  ...CourierRpc,
  ...DecisionLetterRpc,
  health: 'rpc.delivery.health',
  listDeliveries: 'rpc.delivery.list',
  deliveriesOfCase: 'rpc.delivery.of-case',
  dispatch: 'rpc.delivery.dispatch',
  markDelivered: 'rpc.delivery.delivered',
  pickup: 'rpc.delivery.pickup',
  unlockPickup: 'rpc.delivery.pickup.unlock',
} as const;

export interface DispatchRequest {
  deliveryId: string;
  carrier: string;
  waybillNo: string;
}

export interface DeliveredRequest {
  deliveryId: string;
  signedBy: string;
}

export interface PickupRequest {
  deliveryId: string;
  pickupCode: string;
  idNumber: string;
  /** 委托代领: idNumber is then the proxy's (see PickupBodySchema). */
  proxy?: { name: string; idNumber: string };
}

export interface UnlockPickupRequest {
  deliveryId: string;
  reason: string;
}

/** rpc.delivery.list {status?, method?}, rpc.delivery.of-case {caseNo}, and the answer to dispatch/delivered/pickup. */
export interface DeliveryView {
  deliveryId: string;
  caseNo: string;
  method: 'WINDOW' | 'COURIER';
  /** CANCELLED: the case was withdrawn while the result waited. */
  status: DeliveryStatus;
  /** WINDOW: the center that hands the result out (the accepting one unless the applicant chose another). */
  pickupCenter?: string;
  certificates: { certificateNo: string; name: string; department: string }[];
  recipient?: string;
  phone?: string;
  address?: string;
  carrier?: string;
  waybillNo?: string;
  signedBy?: string;
  createdAt: string;
  dispatchedAt?: string;
  deliveredAt?: string;
  /** COURIER: failed attempts so far, the carrier's reports, the last batch; RETURNED_TO_WINDOW: when. */
  failedAttempts?: number;
  tracking?: TrackingEntryView[];
  batchId?: string;
  returnedAt?: string;
  /** Collected by a proxy (委托代领): name, and the ID number masked. */
  proxy?: ProxyView;
}

export interface DeliveryRpcMap extends CertificateRpcMap, CourierRpcMap, DecisionLetterRpcMap {
  [DeliveryRpc.health]: { request: NoPayload; reply: HealthReport };
  [DeliveryRpc.listDeliveries]: { request: ListDeliveriesRequest; reply: DeliveriesPage<DeliveryView> };
  [DeliveryRpc.deliveriesOfCase]: { request: CaseQuery; reply: DeliveryView[] };
  [DeliveryRpc.dispatch]: { request: Command<DispatchRequest>; reply: DeliveryView };
  [DeliveryRpc.markDelivered]: { request: Command<DeliveredRequest>; reply: DeliveryView };
  [DeliveryRpc.pickup]: { request: Command<PickupRequest>; reply: DeliveryView };
  [DeliveryRpc.unlockPickup]: { request: Command<UnlockPickupRequest>; reply: DeliveryView };
}
