import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseSuspendedData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { PauseTasks } from './pause-tasks.js';

@Controller()
export class PauseTasksHandler {
  constructor(private readonly pauseTasks: PauseTasks) {}

  @OnEvent(Events.CaseSuspended)
  handle(@Payload() e: EventEnvelope<CaseSuspendedData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.pauseTasks.execute(ctx.tx, e);
  }
}
