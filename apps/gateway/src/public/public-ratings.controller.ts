import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type Actor, type RatingView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { Public } from '../auth/roles.decorator.js';
import { ApiErrors } from '../common/api-docs.js';
import { CaseNoParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { RateLimited } from '../rate-limit/rate-limit.guard.js';
import { ApplicantCheck } from './applicant-check.js';
import { RatingDto, RatingReplyDto } from './dto/rating.dto.js';

/** Who rates: the applicant, known only by the ID's tail they gave; the timeline shows this actor. */
const APPLICANT: Actor = { id: 'applicant', role: 'SYSTEM' };

/** 好差评 for the applicant, no login: one rating per case once it has ended. */
@ApiTags('public')
@Public()
@RateLimited('public')
@Controller('public/cases')
export class PublicRatingsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly applicant: ApplicantCheck,
  ) {}

  @Post(':caseNo/rating')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Rate a case (好差评) once it has ended (delivered, rejected or withdrawn): score 1..5 and a comment. No login.',
    description:
      'The case number plus the last 6 characters of the applicant’s ID number, as on the public status page: a wrong tail is a 404 like ' +
      'an unknown case. Once per case (again → 409). Before the case has ended → 422. A score of 1 or 2 (差评) opens a follow-up ' +
      '(差评整改) that a supervisor must close with a note within 5 working days.',
  })
  @ApiBody({ type: RatingDto, examples: { good: { summary: 'Satisfied', value: { idTail: '20002X', score: 5, comment: '一次办成' } } } })
  @ApiCreatedResponse({ type: RatingReplyDto })
  @ApiErrors([400, 404, 409, 422, 429, 503], {
    429: { code: 'PUBLIC.LOOKUP_LOCKED', message: 'Too many wrong ID endings for this case number (10 within 15 minutes); try again in 840 s.', retryAfterSeconds: 840 },
    404: { code: 'CASE.NOT_FOUND', message: 'No case matches this number and ID ending.' },
    409: { code: 'RATING.ALREADY_GIVEN', message: 'Case 510704202611230000427 has been rated already; a case is rated once.' },
    422: {
      code: 'RATING.CASE_NOT_ENDED',
      message: 'The request has problems; every one is listed.',
      problems: [{ field: 'caseNo', rule: 'caseEnded', message: 'The case is IN_REVIEW; it can be rated once it is delivered, rejected or withdrawn.' }],
    },
  })
  async rate(@Param() p: CaseNoParam, @Body() body: RatingDto, @CorrelationId() correlationId: string): Promise<RatingView> {
    // As the status page checks it (and counts wrong tails towards its lock): a wrong tail is a 404 like an unknown case.
    await this.applicant.verify(p.caseNo, body.idTail, correlationId);
    return this.rpc.request(Rpc.routing.rateCase, { actor: APPLICANT, data: { caseNo: p.caseNo, ...body } }, { correlationId });
  }
}
