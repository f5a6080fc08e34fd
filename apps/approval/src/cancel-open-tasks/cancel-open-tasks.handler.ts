import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type CaseRejectedData, type EventEnvelope } from '#libs/contracts';
import { EventContext } from '#libs/messaging';
import { CancelOpenTasks } from './cancel-open-tasks.js';

@Controller()
export class CancelOpenTasksHandler {
  constructor(private readonly cancelOpenTasks: CancelOpenTasks) {}

  // <string>: Nest's typed overload would want the context argument typed `unknown`.
  @EventPattern<string>(Events.CaseRejected)
  handle(@Payload() e: EventEnvelope<CaseRejectedData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.cancelOpenTasks.run(e, ctx.tx);
  }
}
