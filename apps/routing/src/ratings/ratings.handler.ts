import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type RatingFollowUpView, type RatingSummaryView, type RatingView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { CloseFollowUp } from './close-follow-up.js';
import { ListFollowUps } from './list-follow-ups.js';
import { RateCase } from './rate-case.js';
import { RatingSummary } from './rating-summary.js';

/** 好差评: the applicant's rating, the 差评 follow-ups, the summary. */
@Controller()
export class RatingsHandler {
  constructor(
    private readonly rateCase: RateCase,
    private readonly listFollowUps: ListFollowUps,
    private readonly closeFollowUp: CloseFollowUp,
    private readonly summary: RatingSummary,
  ) {}

  @OnRpc(Rpc.routing.rateCase)
  rate(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<RatingView> {
    return this.rateCase.execute(command, ctx.correlationId);
  }

  @OnRpc(Rpc.routing.listFollowUps)
  followUps(@Payload() query: unknown): Promise<RatingFollowUpView[]> {
    return this.listFollowUps.execute(query);
  }

  @OnRpc(Rpc.routing.closeFollowUp)
  close(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<RatingFollowUpView> {
    return this.closeFollowUp.execute(command, ctx.correlationId);
  }

  @OnRpc(Rpc.routing.ratingSummary)
  figures(@Payload() query: unknown): Promise<RatingSummaryView> {
    return this.summary.execute(query);
  }
}
