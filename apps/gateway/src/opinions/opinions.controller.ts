import { Body, Controller, Post, Param } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type Actor, type Command, type OpinionView, type RecordOpinionRequest } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { CaseScoped } from '../access/case-scoped.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CaseNoParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { OpinionViewDto, RecordOpinionDto } from './dto/opinion.dto.js';

/** 会商: consultation between the departments reviewing a case. Shown in GET /cases/{caseNo} and on the timeline. */
@ApiTags('cases')
@ApiStaff()
@Controller('cases/:caseNo/opinions')
export class OpinionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Roles('CHIEF_REP')
  @CaseScoped()
  @ApiOperation({ summary: "Add a department's consultation opinion (会商意见) to a case it has a task in." })
  @ApiBody({ type: RecordOpinionDto, examples: { consult: { summary: 'WRB advises the lead', value: { opinion: '建议环保部门在审批决定中明确排放口在线监测要求。' } } } })
  @ApiCreatedResponse({ type: OpinionViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 403, 404, 422, 503], {
    403: { code: 'OPINION.NO_TASK_IN_CASE', message: 'Only the departments reviewing 510704202611230000427 (EEB, NRB, WRB) give opinions on it.' },
    404: { code: 'CASE.NOT_FOUND', message: 'No case 510704202611230000427 under review.' },
  })
  record(@Param() p: CaseNoParam, @Body() body: RecordOpinionDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<OpinionView> {
    const cmd: Command<RecordOpinionRequest> = { actor, data: { caseNo: p.caseNo, opinion: body.opinion.trim(), ...(body.department ? { department: body.department } : {}) } };
    return this.rpc.request(Rpc.approval.recordOpinion, cmd, { correlationId });
  }
}
