import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseRejectedData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { CancelOpenTasks } from './cancel-open-tasks.js';

@Controller()
export class CancelOpenTasksHandler {
  constructor(private readonly cancelOpenTasks: CancelOpenTasks) {}

  @OnEvent(Events.CaseRejected)
  handle(@Payload() e: EventEnvelope<CaseRejectedData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.cancelOpenTasks.execute(ctx.tx, e);
  }
}
