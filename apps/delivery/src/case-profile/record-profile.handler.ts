import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseAcceptedData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { NotifyApplicant } from '../notify/notify-applicant.js';
import { RecordProfile } from './record-profile.js';

@Controller()
export class RecordProfileHandler {
  constructor(
    private readonly record: RecordProfile,
    private readonly notify: NotifyApplicant,
  ) {}

  @OnEvent(Events.CaseAccepted)
  async onCaseAccepted(@Payload() e: EventEnvelope<CaseAcceptedData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.record.execute(ctx.tx, e);
    // One handler per event type in a service: the 'accepted' notification (with the promised date) is queued here.
    await this.notify.execute(ctx.tx, e);
  }
}
