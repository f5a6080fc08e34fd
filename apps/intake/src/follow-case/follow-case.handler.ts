import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { FollowCase } from './follow-case.js';

@Controller()
export class FollowCaseHandler {
  constructor(private readonly followCase: FollowCase) {}

  @OnEvent(Events.CaseRejected)
  rejected(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followCase.execute(ctx.tx, e);
  }

  @OnEvent(Events.DeliveryDispatched)
  dispatched(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followCase.execute(ctx.tx, e);
  }

  @OnEvent(Events.DeliveryDelivered)
  delivered(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followCase.execute(ctx.tx, e);
  }
}
