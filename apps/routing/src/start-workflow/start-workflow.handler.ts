import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type CaseAcceptedData, type EventEnvelope } from '#libs/contracts';
import { EventContext } from '#libs/messaging';
import { StartWorkflow } from './start-workflow.js';

@Controller()
export class StartWorkflowHandler {
  constructor(private readonly startWorkflow: StartWorkflow) {}

  // <string>: Nest's typed overload would want the context argument typed `unknown`.
  @EventPattern<string>(Events.CaseAccepted)
  handle(@Payload() e: EventEnvelope<CaseAcceptedData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.startWorkflow.run(e, ctx.tx);
  }
}
