import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseAcceptedData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { AssessFees } from './assess-fees.js';

@Controller()
export class AssessFeesHandler {
  constructor(private readonly assess: AssessFees) {}

  @OnEvent(Events.CaseAccepted)
  async onCaseAccepted(@Payload() e: EventEnvelope<CaseAcceptedData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.assess.execute(ctx.tx, e);
  }
}
