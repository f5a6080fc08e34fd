import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { NotifyApplicant } from './notify-applicant.js';

/**
 * The status changes the applicant is told about; one durable consumer per type. intake.case.accepted.v1 comes in
 * through RecordProfileHandler (one handler per event type in a service), which calls NotifyApplicant after the profile.
 */
@Controller()
export class NotifyApplicantHandler {
  constructor(private readonly notify: NotifyApplicant) {}

  @OnEvent(Events.CaseSuspended)
  supplementRequested(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.notify.execute(ctx.tx, e);
  }

  @OnEvent(Events.CaseApproved)
  approved(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.notify.execute(ctx.tx, e);
  }

  // routing.case.rejected.v1 comes in through DecisionLetterHandler (one handler per event type in a service), which
  // calls NotifyApplicant after issuing the decision letter.

  @OnEvent(Events.NoticeIssued)
  paymentDue(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.notify.execute(ctx.tx, e);
  }

  @OnEvent(Events.DeliveryReady)
  resultReady(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.notify.execute(ctx.tx, e);
  }

  @OnEvent(Events.DeliveryDispatched)
  dispatched(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.notify.execute(ctx.tx, e);
  }

  @OnEvent(Events.DeliveryDelivered)
  delivered(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.notify.execute(ctx.tx, e);
  }

  @OnEvent(Events.DeliveryFailed)
  deliveryFailed(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.notify.execute(ctx.tx, e);
  }

  // Back at the window after the last failed attempt: the pickup code goes out like a WINDOW result's.
  @OnEvent(Events.DeliveryReturnedToWindow)
  returnedToWindow(@Payload() e: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    return this.notify.execute(ctx.tx, e);
  }
}
