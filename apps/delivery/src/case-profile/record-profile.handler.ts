import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type CaseAcceptedData, type EventEnvelope } from '#libs/contracts';
import { EventContext } from '#libs/messaging';
import { RecordProfile } from './record-profile.js';

@Controller()
export class RecordProfileHandler {
  constructor(private readonly record: RecordProfile) {}

  // <string> picks the untyped overload: Nest 12's typed one would force the context parameter to be `unknown`.
  @EventPattern<string>(Events.CaseAccepted)
  async onCaseAccepted(@Payload() e: EventEnvelope<CaseAcceptedData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.record.execute(ctx.tx, e);
  }
}
