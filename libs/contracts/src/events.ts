import { ApprovalEvents, type ApprovalEventDataMap } from './approval/events.js';
import { DeliveryEvents, type DeliveryEventDataMap } from './delivery/events.js';
import { FeesEvents, type FeesEventDataMap } from './fees/events.js';
import { IntakeEvents, type IntakeEventDataMap } from './intake/events.js';
import { RoutingEvents, type RoutingEventDataMap } from './routing/events.js';

/**
 * Every event type in the system, composed from the owning services' `<Service>Events` (./<service>/events.ts). The
 * type is also the logical subject on JetStream (prefixed by the deployment's namespace on the wire); its first word
 * names the service that publishes it. Version the type when its data changes.
 */
export const Events = {
  ...IntakeEvents,
  ...RoutingEvents,
  ...ApprovalEvents,
  ...DeliveryEvents,
  ...FeesEvents,
} as const;

export type EventType = (typeof Events)[keyof typeof Events];

/** The typed catalogue: producer and consumer agree on each event's data through this map. */
export interface EventDataMap extends IntakeEventDataMap, RoutingEventDataMap, ApprovalEventDataMap, DeliveryEventDataMap, FeesEventDataMap {}

/** The service that publishes an event type owns the stream its subject lands in. */
export function producerOf(type: string): string {
  return type.slice(0, type.indexOf('.'));
}
