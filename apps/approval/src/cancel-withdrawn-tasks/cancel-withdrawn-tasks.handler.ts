import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseWithdrawnData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { CancelWithdrawnTasks } from './cancel-withdrawn-tasks.js';

@Controller()
export class CancelWithdrawnTasksHandler {
  constructor(private readonly cancelWithdrawnTasks: CancelWithdrawnTasks) {}

  @OnEvent(Events.CaseWithdrawn)
  handle(@Payload() e: EventEnvelope<CaseWithdrawnData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.cancelWithdrawnTasks.execute(ctx.tx, e);
  }
}
