import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseWithdrawnData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { WithdrawCase } from './withdraw-case.js';

@Controller()
export class WithdrawCaseHandler {
  constructor(private readonly withdrawCase: WithdrawCase) {}

  @OnEvent(Events.CaseWithdrawn)
  handle(@Payload() e: EventEnvelope<CaseWithdrawnData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.withdrawCase.execute(ctx.tx, e);
  }
}
