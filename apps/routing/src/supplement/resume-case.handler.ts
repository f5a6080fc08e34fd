import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseSupplementedData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { ResumeCase } from './resume-case.js';

@Controller()
export class ResumeCaseHandler {
  constructor(private readonly resumeCase: ResumeCase) {}

  @OnEvent(Events.CaseSupplemented)
  handle(@Payload() e: EventEnvelope<CaseSupplementedData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.resumeCase.execute(ctx.tx, e);
  }
}
