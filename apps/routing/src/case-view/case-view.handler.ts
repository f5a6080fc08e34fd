import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, Rpc, type CaseDetailsView, type CaseViewQuery, type EventEnvelope, type TasksChangedData } from '#libs/contracts';
import { EventContext, OnEvent, OnRpc, RequestContext } from '#libs/messaging';
import { GetCaseView } from './get-case-view.js';

@Controller()
export class CaseViewHandler {
  constructor(private readonly getCaseView: GetCaseView) {}

  @OnRpc(Rpc.routing.caseView)
  get(@Payload() query: CaseViewQuery, @Ctx() ctx: RequestContext): Promise<CaseDetailsView> {
    return this.getCaseView.execute(query, ctx.correlationId);
  }

  /**
   * Approval opened, paused or reopened tasks: nothing of routing's own moves, and it is no step for the timeline. Its
   * only effect is the one every event has, in this transaction: the case view marks the tasks stale
   * (CaseViewInterceptor → CaseViewProjection).
   */
  @OnEvent(Events.TasksChanged)
  tasksChanged(@Payload() _e: EventEnvelope<TasksChangedData>, @Ctx() _ctx: EventContext): void {}
}
