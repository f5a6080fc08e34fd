import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Events, type CaseApprovedData, type EventEnvelope } from '#libs/contracts';
import { EventContext } from '#libs/messaging';
import { IssueNotice } from './issue-notice.js';

@Controller()
export class IssueNoticeHandler {
  constructor(private readonly issue: IssueNotice) {}

  // <string> picks the untyped overload: Nest 12's typed one would force the context parameter to be `unknown`.
  @EventPattern<string>(Events.CaseApproved)
  async onCaseApproved(@Payload() e: EventEnvelope<CaseApprovedData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.issue.execute(ctx.tx, e.caseNo);
  }
}
