import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type EventEnvelope, type TaskDecidedData } from '#libs/contracts';
import { EventContext } from '#libs/messaging';
import { JoinDecision } from './join-decision.js';

@Controller()
export class JoinDecisionHandler {
  constructor(private readonly joinDecision: JoinDecision) {}

  // <string>: Nest's typed overload would want the context argument typed `unknown`.
  @EventPattern<string>(Events.TaskDecided)
  handle(@Payload() e: EventEnvelope<TaskDecidedData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.joinDecision.run(e, ctx.tx);
  }
}
