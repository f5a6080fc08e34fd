import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseWithdrawnData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { CancelWithdrawn } from './cancel-withdrawn.js';

@Controller()
export class CancelWithdrawnHandler {
  constructor(private readonly cancel: CancelWithdrawn) {}

  @OnEvent(Events.CaseWithdrawn)
  async onCaseWithdrawn(@Payload() e: EventEnvelope<CaseWithdrawnData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.cancel.execute(ctx.tx, e);
  }
}
