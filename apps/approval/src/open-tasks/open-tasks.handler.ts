import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type EventEnvelope, type StageOpenedData } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { OpenTasks } from './open-tasks.js';

@Controller()
export class OpenTasksHandler {
  constructor(private readonly openTasks: OpenTasks) {}

  @OnEvent(Events.StageOpened)
  handle(@Payload() e: EventEnvelope<StageOpenedData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.openTasks.execute(ctx.tx, e);
  }
}
