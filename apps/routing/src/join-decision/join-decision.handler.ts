import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type EventEnvelope, type TaskDecidedData } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { JoinDecision } from './join-decision.js';

@Controller()
export class JoinDecisionHandler {
  constructor(private readonly joinDecision: JoinDecision) {}

  @OnEvent(Events.TaskDecided)
  handle(@Payload() e: EventEnvelope<TaskDecidedData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.joinDecision.execute(ctx.tx, e);
  }
}
