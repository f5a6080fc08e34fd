import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type Actor, type RatingFollowUpView, type RatingSummaryView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CorrelationId } from '../http/request-context.js';
import { CloseFollowUpDto, FollowUpIdParam, FollowUpsQuery, RatingFollowUpDto, RatingSummaryDto } from './ratings.dto.js';
import { StatsQuery } from './supervision.dto.js';

const FOLLOW_UP_NOT_FOUND = { code: 'RATING_FOLLOW_UP.NOT_FOUND', message: 'No rating follow-up 0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5e.' };

/** 好差评 for supervisors: the summary, and the follow-ups (差评整改) that poor ratings open. */
@ApiTags('supervision')
@ApiStaff()
@Roles('SUPERVISOR')
@Controller('supervision/ratings')
export class RatingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Ratings (好差评) in a period: count, average and share of 差评 (score ≤ 2), overall, per department and per item.' })
  @ApiOkResponse({ type: RatingSummaryDto })
  @ApiErrors([400, 422, 503])
  summary(@Query() q: StatsQuery, @CorrelationId() correlationId: string): Promise<RatingSummaryView> {
    return this.rpc.request(Rpc.routing.ratingSummary, { from: q.from, to: q.to }, { correlationId });
  }

  @Get('follow-ups')
  @ApiOperation({ summary: 'Follow-ups of poor ratings (差评整改), soonest due first; overdue ones also show in /supervision/warnings.' })
  @ApiOkResponse({ type: [RatingFollowUpDto] })
  @ApiErrors([400, 503])
  followUps(@Query() q: FollowUpsQuery, @CorrelationId() correlationId: string): Promise<RatingFollowUpView[]> {
    return this.rpc.request(Rpc.routing.listFollowUps, { status: q.status }, { correlationId });
  }

  @Post('follow-ups/:id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a follow-up with a note saying what was done (within 5 working days of the rating; later is recorded as overdue).' })
  @ApiBody({ type: CloseFollowUpDto, examples: { done: { summary: 'Called back, window changed', value: { note: '已回访申请人，窗口增设取号提醒，等待时间已缩短' } } } })
  @ApiOkResponse({ type: RatingFollowUpDto })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 503], {
    404: FOLLOW_UP_NOT_FOUND,
    409: { code: 'RATING_FOLLOW_UP.ALREADY_CLOSED', message: 'Rating follow-up 0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5e was closed already.' },
  })
  close(@Param() p: FollowUpIdParam, @Body() body: CloseFollowUpDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<RatingFollowUpView> {
    return this.rpc.request(Rpc.routing.closeFollowUp, { actor, data: { followUpId: p.id, ...body } }, { correlationId });
  }
}
