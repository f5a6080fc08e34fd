import { EventPattern } from '@nestjs/microservices';
import type { EventDataMap, EventEnvelope, EventType } from '#libs/contracts';
import type { EventContext } from './nats-server.js';

/**
 * What a handler of event type K must accept: K's envelope first (a wider one, such as a timeline's
 * `EventEnvelope<unknown>`, will do), then the context with the transaction.
 */
export type EventHandler<K extends EventType> = (e: EventEnvelope<EventDataMap[K]>, ctx: EventContext) => Promise<void> | void;

/**
 * Declares a JetStream event handler: `@OnEvent(Events.CaseAccepted) handle(@Payload() e, @Ctx() ctx: EventContext)`.
 * The method must take `EventEnvelope<EventDataMap[K]>`: a handler typed for another event's data does not compile.
 * Nest 12's typed @EventPattern insists on `(data, ...args: unknown[])` and rejects a typed EventContext parameter.
 */
export function OnEvent<K extends EventType>(type: K) {
  return <M extends EventHandler<K>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    (EventPattern(type) as MethodDecorator)(target, key, descriptor);
  };
}
