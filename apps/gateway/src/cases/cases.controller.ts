import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AppError,
  ErrorCodes,
  Rpc,
  type AcceptCaseReply,
  type AcceptCaseRequest,
  type Actor,
  type CaseDetailsView,
  type CaseSearchPage,
  type Command,
  type TimelineEntry,
} from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CaseAccess, type Caller } from '../access/case-access.js';
import { CaseScoped } from '../access/case-scoped.decorator.js';
import { CurrentCaller } from '../access/caller.decorator.js';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CaseNoParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { CaseViewService } from './case-view.service.js';
import { AcceptCaseReplyDto } from './dto/accept-case-reply.dto.js';
import { ACCEPT_CASE_EXAMPLE, AcceptCaseDto } from './dto/accept-case.dto.js';
import { ACCEPT_CASE_EXAMPLES, MATERIALS_MISSING_EXAMPLE } from './dto/accept-case.examples.js';
import { CaseDetailsDto } from './dto/case-details.dto.js';
import { CaseSearchPageDto, CaseSearchQueryDto } from './dto/case-search.dto.js';
import { CaseViewQueryDto } from './dto/case-view-query.dto.js';
import { TimelineEntryDto } from './dto/timeline-entry.dto.js';

@ApiTags('cases')
@ApiStaff()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly views: CaseViewService,
    private readonly access: CaseAccess,
  ) {}

  @Post()
  @Roles('CLERK', 'CHIEF_REP')
  @ApiOperation({
    summary: 'Accept a case (受理) at the integrated window.',
    description:
      'Any center accepts any item (就近办). Missing or defective materials: 422 with a stored one-time notice (一次性告知) listing ' +
      'every one, nothing accepted; with tolerant: true and only tolerable ones missing, accepted with them pending (容缺受理). ' +
      "A department's chief representative (CHIEF_REP) may call this only with decideNow, for an IMMEDIATE item of their department (即办件).",
  })
  @ApiBody({ type: AcceptCaseDto, examples: { courier: { summary: 'House transfer, certificate by courier', value: ACCEPT_CASE_EXAMPLE }, ...ACCEPT_CASE_EXAMPLES } })
  @ApiCreatedResponse({ type: AcceptCaseReplyDto })
  @ApiIdempotent()
  @ApiErrors([400, 403, 404, 422, 503], {
    403: { code: 'CASE.NOT_YOUR_DEPARTMENT', message: 'SEAL-FILING is decided by PSB; SAMR may not decide it.' },
    404: { code: 'CATALOG.ITEM_NOT_FOUND', message: 'No service item RE-TRANSFER.' },
    422: MATERIALS_MISSING_EXAMPLE,
  })
  async accept(
    @Body() body: AcceptCaseDto,
    @CurrentActor() actor: Actor,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<AcceptCaseReply> {
    // A clerk accepts only at a center they work at (user.centers, docs/ACCESS.md).
    await this.access.assertCenter(caller, body.centerCode, correlationId);
    if (actor.role === 'CHIEF_REP' && !body.decideNow) {
      throw new AppError(ErrorCodes.AUTH_FORBIDDEN, 'A chief representative accepts at the window only to decide an IMMEDIATE item on the spot: send decideNow.', 403);
    }
    return this.rpc.request(Rpc.intake.acceptCase, { actor, data: body, ...(idempotencyKey ? { requestId: `${actor.id}:${idempotencyKey}` } : {}) } satisfies Command<AcceptCaseRequest>, { correlationId });
  }

  @Get()
  @Roles('SUPERVISOR', 'FINANCE', 'CLERK', 'CHIEF_REP')
  @ApiOperation({
    summary: 'Find cases by status, item and acceptance days (Asia/Shanghai), newest first, a page at a time.',
    description: "A CLERK sees the cases of their centers, a CHIEF_REP those of their departments: a page may hold fewer than limit items; follow nextCursor.",
  })
  @ApiOkResponse({ type: CaseSearchPageDto })
  @ApiErrors([400, 503])
  async search(@Query() q: CaseSearchQueryDto, @CurrentCaller() caller: Caller, @CorrelationId() correlationId: string): Promise<CaseSearchPage> {
    const page = await this.rpc.request(Rpc.routing.searchCases, { ...q }, { correlationId });
    return { ...page, items: await this.access.filter(caller, page.items, correlationId) };
  }

  @Get(':caseNo')
  @Roles('SUPERVISOR', 'FINANCE', 'CLERK', 'CHIEF_REP')
  @CaseScoped()
  @ApiOperation({
    summary: "One case as every service sees it: intake's record, the workflow, tasks, fees and deliveries.",
    description:
      "Answered by routing from its read model of the case (one request, one indexed read when nothing changed). Conditional: the " +
      'answer carries an ETag that changes whenever anything it shows changes (`asOf`, `version`); send it back as If-None-Match ' +
      'for a 304 without a body while the case is unchanged. Long-poll (staff screens): with If-None-Match and `waitSeconds` ' +
      '(1–30), an unchanged case is held until it changes (200 with the new view) or the time runs out (304); a changed one is ' +
      'answered at once.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of the view the caller has: 304 while it is still current.' })
  @ApiOkResponse({ type: CaseDetailsDto, headers: { ETag: { description: 'The view\'s version: "<caseNo>.<version>" (with the degraded owners, when any).', schema: { type: 'string', example: '"510704202611230000427.12"' } } } })
  @ApiResponse({ status: 304, description: 'Not modified: the view still has the ETag sent in If-None-Match (after waiting up to waitSeconds). No body.' })
  @ApiErrors([400, 404, 503])
  get(
    @Param() p: CaseNoParam,
    @Query() q: CaseViewQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CorrelationId() correlationId: string,
  ): Promise<CaseDetailsView> {
    return this.views.get(p.caseNo, q.waitSeconds ?? 0, req, res, correlationId);
  }

  @Get(':caseNo/timeline')
  @Roles('SUPERVISOR', 'CLERK', 'CHIEF_REP')
  @CaseScoped()
  @ApiOperation({ summary: "The case's timeline, to the second (Asia/Shanghai)." })
  @ApiOkResponse({ type: [TimelineEntryDto] })
  @ApiErrors([400, 404, 503])
  timeline(@Param() p: CaseNoParam, @CorrelationId() correlationId: string): Promise<TimelineEntry[]> {
    return this.rpc.request(Rpc.routing.getTimeline, { caseNo: p.caseNo }, { correlationId });
  }
}
