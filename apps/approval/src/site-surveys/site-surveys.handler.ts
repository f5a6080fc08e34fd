import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type SiteSurveyView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { RecordFindings } from './record-findings.js';
import { ScheduleSurvey } from './schedule-survey.js';
import { SurveysOfCase } from './surveys-of-case.js';

@Controller()
export class SiteSurveysHandler {
  constructor(
    private readonly scheduleSurvey: ScheduleSurvey,
    private readonly recordSurveyFindings: RecordFindings,
    private readonly surveysOfCase: SurveysOfCase,
  ) {}

  @OnRpc(Rpc.approval.scheduleSurvey)
  schedule(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<SiteSurveyView> {
    return this.scheduleSurvey.execute(command, ctx.correlationId);
  }

  @OnRpc(Rpc.approval.recordFindings)
  recordFindings(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<SiteSurveyView> {
    return this.recordSurveyFindings.execute(command, ctx.correlationId);
  }

  @OnRpc(Rpc.approval.surveysOfCase)
  ofCase(@Payload() query: unknown): Promise<SiteSurveyView[]> {
    return this.surveysOfCase.execute(query);
  }
}
