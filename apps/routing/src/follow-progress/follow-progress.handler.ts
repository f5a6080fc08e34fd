import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { FollowProgress } from './follow-progress.js';

/** One use case for every event that only feeds the timeline and the status; one durable consumer per type. */
@Controller()
export class FollowProgressHandler {
  constructor(private readonly followProgress: FollowProgress) {}

  @OnEvent(Events.TaskCancelled)
  taskCancelled(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  // department workbench (#4): timeline only
  @OnEvent(Events.TaskAssigned)
  taskAssigned(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.SiteSurveyScheduled)
  siteSurveyScheduled(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.SiteSurveyFindingsRecorded)
  siteSurveyFindingsRecorded(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.OpinionRecorded)
  opinionRecorded(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.NoticeIssued)
  noticeIssued(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.PaymentRecorded)
  paymentRecorded(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.NoticeReissued)
  noticeReissued(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.RefundRecorded)
  refundRecorded(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.FeesSettled)
  feesSettled(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.CertificatesIssued)
  certificatesIssued(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.DeliveryReady)
  deliveryReady(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.DeliveryDispatched)
  deliveryDispatched(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.PickupUnlocked)
  pickupUnlocked(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.DeliveryDelivered)
  deliveryDelivered(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }
}
