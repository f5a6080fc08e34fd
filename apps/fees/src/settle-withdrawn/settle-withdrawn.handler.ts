import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseWithdrawnData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { SettleWithdrawn } from './settle-withdrawn.js';

@Controller()
export class SettleWithdrawnHandler {
  constructor(private readonly settle: SettleWithdrawn) {}

  @OnEvent(Events.CaseWithdrawn)
  async onCaseWithdrawn(@Payload() e: EventEnvelope<CaseWithdrawnData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.settle.execute(ctx.tx, e);
  }
}
