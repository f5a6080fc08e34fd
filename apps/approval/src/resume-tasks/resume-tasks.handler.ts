import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseResumedData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { ResumeTasks } from './resume-tasks.js';

@Controller()
export class ResumeTasksHandler {
  constructor(private readonly resumeTasks: ResumeTasks) {}

  @OnEvent(Events.CaseResumed)
  handle(@Payload() e: EventEnvelope<CaseResumedData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.resumeTasks.execute(ctx.tx, e);
  }
}
