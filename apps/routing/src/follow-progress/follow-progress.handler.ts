import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type EventEnvelope } from '#libs/contracts';
import { EventContext } from '#libs/messaging';
import { FollowProgress } from './follow-progress.js';

/** One use case for every event that only feeds the timeline and the status; one durable consumer per type. */
@Controller()
export class FollowProgressHandler {
  constructor(private readonly followProgress: FollowProgress) {}

  // <string>: Nest's typed overload would want the context argument typed `unknown`.
  @EventPattern<string>(Events.TaskCancelled)
  taskCancelled(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.run(e, ctx.tx);
  }

  @EventPattern<string>(Events.NoticeIssued)
  noticeIssued(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.run(e, ctx.tx);
  }

  @EventPattern<string>(Events.PaymentRecorded)
  paymentRecorded(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.run(e, ctx.tx);
  }

  @EventPattern<string>(Events.FeesSettled)
  feesSettled(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.run(e, ctx.tx);
  }

  @EventPattern<string>(Events.CertificatesIssued)
  certificatesIssued(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.run(e, ctx.tx);
  }

  @EventPattern<string>(Events.DeliveryReady)
  deliveryReady(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.run(e, ctx.tx);
  }

  @EventPattern<string>(Events.DeliveryDispatched)
  deliveryDispatched(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.run(e, ctx.tx);
  }

  @EventPattern<string>(Events.DeliveryDelivered)
  deliveryDelivered(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.run(e, ctx.tx);
  }
}
