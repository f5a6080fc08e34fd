import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type EventEnvelope, type FeesSettledData } from '#libs/contracts';
import { EventContext } from '#libs/messaging';
import { IssueCertificates } from './issue-certificates.js';

@Controller()
export class IssueCertificatesHandler {
  constructor(private readonly issue: IssueCertificates) {}

  // <string> picks the untyped overload: Nest 12's typed one would force the context parameter to be `unknown`.
  @EventPattern<string>(Events.FeesSettled)
  async onFeesSettled(@Payload() e: EventEnvelope<FeesSettledData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.issue.execute(ctx.tx, e.caseNo);
  }
}
