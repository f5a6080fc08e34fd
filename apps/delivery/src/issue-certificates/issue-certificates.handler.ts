import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type EventEnvelope, type FeesSettledData } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { IssueCertificates } from './issue-certificates.js';

@Controller()
export class IssueCertificatesHandler {
  constructor(private readonly issue: IssueCertificates) {}

  @OnEvent(Events.FeesSettled)
  async onFeesSettled(@Payload() e: EventEnvelope<FeesSettledData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.issue.execute(ctx.tx, e);
  }
}
