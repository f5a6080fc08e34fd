import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type CaseApprovedData, type EventEnvelope } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { IssueNotice } from './issue-notice.js';

@Controller()
export class IssueNoticeHandler {
  constructor(private readonly issue: IssueNotice) {}

  @OnEvent(Events.CaseApproved)
  async onCaseApproved(@Payload() e: EventEnvelope<CaseApprovedData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.issue.execute(ctx.tx, e.caseNo);
  }
}
