import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, ErrorCodes, Rpc, type AcceptCaseReply, type AcceptCaseRequest, type Actor, type CaseSearchPage, type Command, type TimelineEntry } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CaseAccess, type Caller } from '../access/case-access.js';
import { CaseScoped } from '../access/case-scoped.decorator.js';
import { CurrentCaller } from '../access/caller.decorator.js';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CaseNoParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { CaseDetailsService } from './case-details.service.js';
import { AcceptCaseReplyDto } from './dto/accept-case-reply.dto.js';
import { ACCEPT_CASE_EXAMPLE, AcceptCaseDto } from './dto/accept-case.dto.js';
import { ACCEPT_CASE_EXAMPLES, MATERIALS_MISSING_EXAMPLE } from './dto/accept-case.examples.js';
import { CaseDetailsDto } from './dto/case-details.dto.js';
import { CaseSearchPageDto, CaseSearchQueryDto } from './dto/case-search.dto.js';
import { TimelineEntryDto } from './dto/timeline-entry.dto.js';

@ApiTags('cases')
@ApiStaff()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly details: CaseDetailsService,
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
  @ApiOperation({ summary: "One case as every service sees it: intake's record, the workflow, tasks, fees and deliveries." })
  @ApiOkResponse({ type: CaseDetailsDto })
  @ApiErrors([400, 404, 503])
  get(@Param() p: CaseNoParam, @CorrelationId() correlationId: string): Promise<CaseDetailsDto> {
    return this.details.get(p.caseNo, correlationId);
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
