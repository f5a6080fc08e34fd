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

  // 邮寄送达 (#10): timeline only (the case stays DELIVERING until the result is delivered or collected)
  @OnEvent(Events.DeliveryFailed)
  deliveryFailed(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  @OnEvent(Events.DeliveryReturnedToWindow)
  deliveryReturnedToWindow(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  // 证照撤销 (#10): timeline only (the case's status stays as it was)
  @OnEvent(Events.CertificateRevoked)
  certificateRevoked(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  // 不予许可决定书 (#10): timeline only (a rejected case stays REJECTED)
  @OnEvent(Events.DecisionLetterIssued)
  decisionLetterIssued(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }

  // notifications to the applicant (#10): timeline only
  @OnEvent(Events.NotificationSent)
  notificationSent(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.followProgress.execute(ctx.tx, e);
  }
}
