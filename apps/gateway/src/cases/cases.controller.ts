import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type AcceptCaseReply, type AcceptCaseRequest, type Actor, type Command, type TimelineEntry } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CaseNoParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { CaseDetailsService } from './case-details.service.js';
import { AcceptCaseReplyDto } from './dto/accept-case-reply.dto.js';
import { ACCEPT_CASE_EXAMPLE, AcceptCaseDto } from './dto/accept-case.dto.js';
import { CaseDetailsDto } from './dto/case-details.dto.js';
import { TimelineEntryDto } from './dto/timeline-entry.dto.js';

@ApiTags('cases')
@ApiStaff()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly details: CaseDetailsService,
  ) {}

  @Post()
  @Roles('CLERK')
  @ApiOperation({ summary: 'Accept a case (受理) at the integrated window.' })
  @ApiBody({ type: AcceptCaseDto, examples: { courier: { summary: 'House transfer, certificate by courier', value: ACCEPT_CASE_EXAMPLE } } })
  @ApiCreatedResponse({ type: AcceptCaseReplyDto })
  @ApiIdempotent()
  @ApiErrors([400, 404, 422, 503], {
    404: { code: 'CATALOG.ITEM_NOT_FOUND', message: 'No service item RE-TRANSFER.' },
    422: {
      code: 'CASE.MATERIALS_MISSING',
      message: 'Required materials are missing; the one-time notice lists all of them.',
      missing: [{ code: 'M03', name: '不动产权属证书', reason: 'MISSING' }],
    },
  })
  accept(@Body() body: AcceptCaseDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<AcceptCaseReply> {
    return this.rpc.request<AcceptCaseReply>(Rpc.intake.acceptCase, { actor, data: body } satisfies Command<AcceptCaseRequest>, { correlationId });
  }

  @Get(':caseNo')
  @ApiOperation({ summary: "One case as every service sees it: intake's record, the workflow, tasks, fees and deliveries." })
  @ApiOkResponse({ type: CaseDetailsDto })
  @ApiErrors([400, 404, 503])
  get(@Param() p: CaseNoParam, @CorrelationId() correlationId: string): Promise<CaseDetailsDto> {
    return this.details.get(p.caseNo, correlationId);
  }

  @Get(':caseNo/timeline')
  @ApiOperation({ summary: "The case's timeline, to the second (Asia/Shanghai)." })
  @ApiOkResponse({ type: [TimelineEntryDto] })
  @ApiErrors([400, 404, 503])
  timeline(@Param() p: CaseNoParam, @CorrelationId() correlationId: string): Promise<TimelineEntry[]> {
    return this.rpc.request<TimelineEntry[]>(Rpc.routing.getTimeline, { caseNo: p.caseNo }, { correlationId });
  }
}
