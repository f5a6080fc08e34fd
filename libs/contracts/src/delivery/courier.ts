import { IsInstant } from '../instant.js';
// class-transformer's @Type reads design-time types when the class is defined, whoever imports #libs/contracts.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { findProvince, isMainlandMobile, isValidIdCard } from '#libs/checks';
import { IsPageCursor, IsPageLimit } from '../page-query.schema.js';
import type { Command } from '../rpc.js';
import type { DeliveryView } from './rpc.js';

/**
 * 邮寄送达 and 委托代领 (issue #10): structured courier addresses, dispatch batches with waybill numbers, tracking
 * with retries and the return to the window, and proxy pickup. The subjects and events are in rpc.ts / events.ts.
 */

/** RETURNED_TO_WINDOW: the courier failed DELIVERY_MAX_ATTEMPTS times; the result waits at the accepting center. */
export const DELIVERY_STATUSES = ['READY', 'DISPATCHED', 'DELIVERED', 'CANCELLED', 'RETURNED_TO_WINDOW'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_METHODS = ['WINDOW', 'COURIER'] as const;
export const TRACKING_STATUSES = ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'FAILED'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** What a carrier's waybill number looks like, given or generated (OW + date + sequence + MOD 11-2 check character). */
export const WAYBILL_NO = /^[A-Za-z0-9-]{6,40}$/;
export const DISPATCH_BATCH_MAX = 100;

/** A mainland courier address (收件地址), one field per level so a bad province is caught before the carrier does. */
export interface PostalAddress {
  /** One of the 34 provincial-level divisions, full (四川省) or short (四川); kept in full. */
  province: string;
  city: string;
  district: string;
  detail: string;
}

const notBlank = (field: string) => ({ message: `${field} must not be blank` });

/** The province rule of #libs/checks (the 34 provincial-level divisions) as a schema rule. */
export function IsProvince(): PropertyDecorator {
  return ValidateBy({
    name: 'isProvince',
    validator: {
      validate: (v: unknown) => findProvince(v) !== undefined,
      defaultMessage: () => 'province must be one of the 34 provincial-level divisions (e.g. 四川省 or 四川)',
    },
  });
}

export function IsMainlandMobile(): PropertyDecorator {
  return ValidateBy({
    name: 'mainlandMobile',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && isMainlandMobile(v),
      defaultMessage: (a) => `${a?.property ?? 'phone'} must be a mainland mobile number (11 digits starting 13-19)`,
    },
  });
}

/** delivery.postalAddress of an acceptance (the gateway's PostalAddressDto extends it; intake checks it again). */
export class PostalAddressSchema {
  @IsString()
  @IsProvince()
  province: string;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, notBlank('city'))
  @MaxLength(50)
  city: string;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, notBlank('district'))
  @MaxLength(50)
  district: string;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, notBlank('detail'))
  @MaxLength(200)
  detail: string;
}

/** The address tidied: trimmed, the province in full. */
export function normalizePostalAddress(a: PostalAddress): PostalAddress {
  return { province: findProvince(a.province)?.name ?? a.province.trim(), city: a.city.trim(), district: a.district.trim(), detail: a.detail.trim() };
}

/** One line, as on a parcel label: 四川省绵阳市游仙区示范路 1 号. */
export function formatPostalAddress(a: PostalAddress): string {
  return `${a.province}${a.city}${a.district}${a.detail}`;
}

/** POST /dispatch-batches: many READY courier deliveries handed to one carrier at once. */
export class DispatchBatchSchema {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DISPATCH_BATCH_MAX)
  @ArrayUnique({ message: 'deliveryIds must not list a delivery twice' })
  @IsUUID('loose', { each: true, message: 'each of deliveryIds must be the id of a delivery' })
  deliveryIds: string[];

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, notBlank('carrier'))
  @MaxLength(50)
  carrier: string;

  /** One per delivery, in the same order; left out, the center numbers the waybills itself. */
  @IsOptional()
  @IsArray()
  @ArrayUnique({ message: 'waybillNos must not repeat a number' })
  @Matches(WAYBILL_NO, { each: true, message: 'each of waybillNos must be 6-40 letters, digits or -' })
  @ValidateBy({
    name: 'oneWaybillPerDelivery',
    validator: {
      validate: (v: unknown, a) => {
        const ids = (a?.object as DispatchBatchSchema | undefined)?.deliveryIds;
        return !Array.isArray(v) || !Array.isArray(ids) || v.length === ids.length;
      },
      defaultMessage: () => 'waybillNos must give one number per delivery, in the order of deliveryIds',
    },
  })
  waybillNos?: string[];
}
export type DispatchBatchRequest = DispatchBatchSchema;

/** POST /deliveries/{id}/tracking: what the carrier reports about a dispatched parcel. */
export class TrackingBodySchema {
  @IsIn(TRACKING_STATUSES)
  status: TrackingStatus;

  @IsInstant({ strictSeparator: true }, { message: 'at must be an ISO-8601 time with its offset, e.g. 2026-12-02T10:15:00+08:00' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'at must carry its offset (Z or +08:00)' })
  at: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class TrackingSchema extends TrackingBodySchema {
  @IsUUID('loose', { message: 'deliveryId must be the id of a delivery' })
  deliveryId: string;
}
export type TrackingRequest = TrackingSchema;

/** 委托代领: who collects for the applicant, with their own resident ID card. */
export class ProxySchema {
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, notBlank('name'))
  @MaxLength(64)
  name: string;

  @IsString()
  @ValidateBy({
    name: 'gb11643',
    validator: { validate: (v: unknown) => typeof v === 'string' && isValidIdCard(v), defaultMessage: () => 'proxy.idNumber must be a valid resident ID number' },
  })
  idNumber: string;
}

/**
 * POST /deliveries/{id}/pickup. Without `proxy`: the applicant collects, idNumber is the applicant's. With `proxy`:
 * idNumber is the ID card the proxy shows, and must be proxy.idNumber; the applicant's ID is not asked for (the
 * pickup code from the applicant's SMS is the authorisation).
 */
export class PickupBodySchema {
  @IsString()
  @Matches(/^\d{6}$/, { message: 'pickupCode must be 6 digits' })
  pickupCode: string;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, notBlank('idNumber'))
  @MaxLength(32)
  idNumber: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ProxySchema)
  proxy?: ProxySchema;
}

export class PickupSchema extends PickupBodySchema {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  deliveryId: string;
}

/** GET /deliveries: the queue, oldest first, a page at a time. */
export class ListDeliveriesSchema {
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @IsOptional()
  @IsIn(DELIVERY_METHODS)
  method?: 'WINDOW' | 'COURIER';

  @IsPageCursor()
  cursor?: string;

  @IsPageLimit()
  limit?: number;
}
export type ListDeliveriesRequest = ListDeliveriesSchema;

/** One carrier report, as the delivery view lists them (times Asia/Shanghai). */
export interface TrackingEntryView {
  status: TrackingStatus;
  at: string;
  note?: string;
  waybillNo?: string;
  /** Which courier attempt this was (1 for the first dispatch). */
  attempt: number;
}

/** A window pickup by someone else than the applicant: the proxy's name, and the ID number masked. */
export interface ProxyView {
  name: string;
  idNumber: string;
}

export interface DispatchBatchItemView {
  deliveryId: string;
  caseNo: string;
  waybillNo: string;
  recipient: string;
  /** Masked (138****8000) in every answer but the printed slip. */
  phone: string;
  address: string;
  /** 1 on the first dispatch, 2 on the retry after a failure, … */
  attempt: number;
}

/** rpc.delivery.dispatch-batch.create's reply. */
export interface DispatchBatchView {
  batchId: string;
  carrier: string;
  createdBy: string;
  createdAt: string;
  items: DispatchBatchItemView[];
}

/** GET /deliveries: `{items, nextCursor}` like the worklist. */
export interface DeliveriesPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** delivery.delivery.failed.v1: one failed courier attempt (every one is told to the applicant). */
export interface DeliveryFailedData {
  deliveryId: string;
  carrier: string;
  waybillNo: string;
  /** This failure's number, 1-based, and how many attempts are allowed in all (DELIVERY_MAX_ATTEMPTS). */
  attempt: number;
  maxAttempts: number;
  /** READY: it goes out again in a new batch; RETURNED_TO_WINDOW: it waits at the accepting center. */
  next: 'READY' | 'RETURNED_TO_WINDOW';
  at: string;
  note?: string;
}

/** delivery.delivery.returned-to-window.v1: the result waits at `pickupCenter`; the pickup code is sent like a WINDOW one's. */
export interface DeliveryReturnedToWindowData {
  deliveryId: string;
  pickupCenter: string;
  attempts: number;
}

/** The courier desk's subjects, spread into DeliveryRpc. */
export const CourierRpc = {
  createDispatchBatch: 'rpc.delivery.dispatch-batch.create',
  dispatchSlip: 'rpc.delivery.dispatch-batch.slip',
  track: 'rpc.delivery.tracking',
} as const;

export interface CourierRpcMap {
  [CourierRpc.createDispatchBatch]: { request: Command<DispatchBatchRequest>; reply: DispatchBatchView };
  /** The printed dispatch list: the same view with the recipients' phones in full (see README, 邮寄送达). */
  [CourierRpc.dispatchSlip]: { request: { batchId: string }; reply: DispatchBatchView };
  [CourierRpc.track]: { request: Command<TrackingRequest>; reply: DeliveryView };
}

/** The courier desk's events, spread into DeliveryEvents. */
export const CourierEvents = {
  DeliveryFailed: 'delivery.delivery.failed.v1',
  DeliveryReturnedToWindow: 'delivery.delivery.returned-to-window.v1',
} as const;

export interface CourierEventDataMap {
  [CourierEvents.DeliveryFailed]: DeliveryFailedData;
  [CourierEvents.DeliveryReturnedToWindow]: DeliveryReturnedToWindowData;
}
