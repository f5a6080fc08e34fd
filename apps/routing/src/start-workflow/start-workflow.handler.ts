import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseAcceptedData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { StartWorkflow } from './start-workflow.js';

@Controller()
export class StartWorkflowHandler {
  constructor(private readonly startWorkflow: StartWorkflow) {}

  @OnEvent(Events.CaseAccepted)
  handle(@Payload() e: EventEnvelope<CaseAcceptedData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.startWorkflow.execute(ctx.tx, e);
  }
}
