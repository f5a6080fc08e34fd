import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type Actor, type Command, type RecordFindingsRequest, type ScheduleSurveyRequest, type SiteSurveyView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { CaseScoped } from '../access/case-scoped.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CaseNoParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { RecordFindingsDto, ScheduleSurveyDto, SiteSurveyViewDto, SurveyIdParam } from './dto/site-survey.dto.js';

/** 联合踏勘: joint site surveys of items that need one (OUTFALL: EEB leads, WRB and NRB join). */
@ApiTags('site surveys')
@ApiStaff()
@Controller()
export class SiteSurveysController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('cases/:caseNo/site-surveys')
  @Roles('CHIEF_REP')
  @CaseScoped()
  @ApiOperation({
    summary: "Schedule the joint site survey of the case's open stage (lead department only).",
    description:
      "Only for items with a joint site survey, by the chief representative (or active backup) of the stage's lead department while its task is open; one survey per stage. The lead's task cannot be approved until every participating department has recorded its findings.",
  })
  @ApiBody({ type: ScheduleSurveyDto, examples: { outfall: { summary: 'OUTFALL: all three departments', value: { at: '2026-11-26T09:30:00+08:00', place: '涪江左岸 K12+300 拟设排污口处', departments: ['EEB', 'WRB', 'NRB'] } } } })
  @ApiCreatedResponse({ type: SiteSurveyViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 403, 404, 409, 422, 503], {
    403: { code: 'SURVEY.NOT_LEAD_DEPARTMENT', message: "Only the lead department EEB's chief representative (or its active backup) schedules the joint site survey." },
    404: { code: 'CASE.NOT_FOUND', message: 'No case 510704202611230000427 under review.' },
    409: { code: 'SURVEY.ALREADY_SCHEDULED', message: 'A joint site survey of stage 1 is already scheduled.' },
    422: { code: 'SURVEY.NOT_REQUIRED', message: 'The request has problems; every one is listed.', problems: [{ field: 'caseNo', rule: 'jointSiteSurvey', message: 'Item RE-TRANSFER has no joint site survey.' }] },
  })
  schedule(@Param() p: CaseNoParam, @Body() body: ScheduleSurveyDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<SiteSurveyView> {
    const cmd: Command<ScheduleSurveyRequest> = { actor, data: { caseNo: p.caseNo, at: body.at, place: body.place.trim(), departments: body.departments } };
    return this.rpc.request(Rpc.approval.scheduleSurvey, cmd, { correlationId });
  }

  @Get('cases/:caseNo/site-surveys')
  @Roles('SUPERVISOR', 'CHIEF_REP', 'CLERK')
  @CaseScoped()
  @ApiOperation({ summary: "The case's joint site surveys with each department's findings and who is still missing." })
  @ApiOkResponse({ type: [SiteSurveyViewDto] })
  @ApiErrors([400, 503])
  list(@Param() p: CaseNoParam, @CorrelationId() correlationId: string): Promise<SiteSurveyView[]> {
    return this.rpc.request(Rpc.approval.surveysOfCase, { caseNo: p.caseNo }, { correlationId });
  }

  @Post('site-surveys/:surveyId/findings')
  @Roles('CHIEF_REP')
  @ApiOperation({ summary: "Record a participating department's findings (once per department); the last one records the survey." })
  @ApiBody({ type: RecordFindingsDto, examples: { findings: { summary: 'WRB findings', value: { findings: '排污口位置与论证报告一致，下游 500 米内无取水口。' } } } })
  @ApiCreatedResponse({ type: SiteSurveyViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 403, 404, 409, 422, 503], {
    403: { code: 'DEPARTMENT.NOT_YOURS', message: 'Only the departments of the survey (EEB, WRB, NRB) record findings.' },
    404: { code: 'SURVEY.NOT_FOUND', message: 'No site survey 0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a80.' },
    409: { code: 'SURVEY.FINDINGS_ALREADY_RECORDED', message: 'WRB has already recorded its findings of this survey.' },
  })
  findings(@Param() p: SurveyIdParam, @Body() body: RecordFindingsDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<SiteSurveyView> {
    const cmd: Command<RecordFindingsRequest> = { actor, data: { surveyId: p.surveyId, findings: body.findings.trim(), ...(body.department ? { department: body.department } : {}) } };
    return this.rpc.request(Rpc.approval.recordFindings, cmd, { correlationId });
  }
}
