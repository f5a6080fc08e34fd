import { EventPattern } from '@nestjs/microservices';
import type { EventType } from '#libs/contracts';

/**
 * Declares a JetStream event handler: `@OnEvent(Events.CaseAccepted) handle(@Payload() e, @Ctx() ctx: EventContext)`.
 * Nest 12's typed @EventPattern insists on `(data, ...args: unknown[])` and rejects a typed EventContext parameter.
 */
export function OnEvent(type: EventType): MethodDecorator {
  return EventPattern(type) as unknown as MethodDecorator;
}
