import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type SiteSurveyView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { SiteSurveys } from './site-surveys.js';

@Controller()
export class SiteSurveysHandler {
  constructor(private readonly surveys: SiteSurveys) {}

  @OnRpc(Rpc.approval.scheduleSurvey)
  schedule(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<SiteSurveyView> {
    return this.surveys.schedule(command, ctx.correlationId);
  }

  @OnRpc(Rpc.approval.recordFindings)
  recordFindings(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<SiteSurveyView> {
    return this.surveys.recordFindings(command, ctx.correlationId);
  }

  @OnRpc(Rpc.approval.surveysOfCase)
  ofCase(@Payload() query: unknown): Promise<SiteSurveyView[]> {
    return this.surveys.ofCase(query);
  }
}
