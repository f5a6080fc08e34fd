import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type CaseAcceptedData, type EventEnvelope } from '#libs/contracts';
import { EventContext } from '#libs/messaging';
import { AssessFees } from './assess-fees.js';

@Controller()
export class AssessFeesHandler {
  constructor(private readonly assess: AssessFees) {}

  // <string> picks the untyped overload: Nest 12's typed one would force the context parameter to be `unknown`.
  @EventPattern<string>(Events.CaseAccepted)
  async onCaseAccepted(@Payload() e: EventEnvelope<CaseAcceptedData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.assess.execute(ctx.tx, e);
  }
}
