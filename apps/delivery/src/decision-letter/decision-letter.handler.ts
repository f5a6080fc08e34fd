import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, Rpc, type CaseRejectedData, type DecisionLetterView, type EventEnvelope, type TaskDecidedData } from '#libs/contracts';
import { EventContext, OnEvent, OnRpc } from '#libs/messaging';
import { NotifyApplicant } from '../notify/notify-applicant.js';
import { DecisionLetterOfCase } from './decision-letter-of-case.js';
import { IssueDecisionLetter } from './issue-decision-letter.js';
import { RecordRejectionReason } from './record-rejection-reason.js';

/** 不予许可决定书: the departments' reasons as they decide, the letter when the case is rejected, the letter to print. */
@Controller()
export class DecisionLetterHandler {
  constructor(
    private readonly recordReason: RecordRejectionReason,
    private readonly issueLetter: IssueDecisionLetter,
    private readonly letterOfCase: DecisionLetterOfCase,
    private readonly notify: NotifyApplicant,
  ) {}

  @OnEvent(Events.TaskDecided)
  async onTaskDecided(@Payload() e: EventEnvelope<TaskDecidedData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.recordReason.execute(ctx.tx, e);
  }

  @OnEvent(Events.CaseRejected)
  async onCaseRejected(@Payload() e: EventEnvelope<CaseRejectedData>, @Ctx() ctx: EventContext): Promise<void> {
    await this.issueLetter.execute(ctx.tx, e);
    // One handler per event type in a service: the 'rejected' notification is queued here, after the letter.
    await this.notify.execute(ctx.tx, e);
  }

  @OnRpc(Rpc.delivery.decisionLetterOfCase)
  ofCase(@Payload() query: { caseNo: string }): Promise<DecisionLetterView> {
    return this.letterOfCase.execute(query);
  }
}
