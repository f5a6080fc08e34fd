import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type Actor, type Command, type OneTimeNoticeView, type OverduePendingView, type RefusalView, type RefuseRequest } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CorrelationId } from '../http/request-context.js';
import { OneTimeNoticeNoParam, OneTimeNoticeViewDto, OverduePendingDto, RefusalNoParam, RefusalViewDto, RefuseDto } from './dto/window.dto.js';

/**
 * What the window hands out instead of a case number (one-time notices, refusals), and the supervisors' list of
 * tolerant acceptances whose materials are overdue.
 */
@ApiTags('window')
@ApiStaff()
@Controller()
export class WindowRecordsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('notices/:noticeNo')
  @ApiOperation({ summary: 'A one-time notice (一次性告知书) issued when materials were missing or defective: everything it listed.' })
  @ApiOkResponse({ type: OneTimeNoticeViewDto })
  @ApiErrors([400, 404, 503], { 404: { code: 'ONE_TIME_NOTICE.NOT_FOUND', message: 'No one-time notice GZ20261123000042.' } })
  notice(@Param() p: OneTimeNoticeNoParam, @CorrelationId() correlationId: string): Promise<OneTimeNoticeView> {
    return this.rpc.request(Rpc.intake.getNotice, { noticeNo: p.noticeNo }, { correlationId });
  }

  @Post('refusals')
  @Roles('CLERK')
  @ApiOperation({ summary: 'Refuse an application (不予受理) with a numbered written decision giving the reason.' })
  @ApiBody({
    type: RefuseDto,
    examples: {
      refuse: {
        summary: 'Not a matter for this center',
        value: {
          itemCode: 'RE-TRANSFER',
          centerCode: '510704-C01',
          applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: '11010519491231002X' },
          reason: '申请登记的不动产不在本辖区，不属于本机关职权范围',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: RefusalViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 422, 503], {
    422: {
      code: 'REFUSAL.INVALID',
      message: 'The request has problems; every one is listed.',
      problems: [
        { field: 'itemCode', rule: 'knownItem', message: 'no service item "RE-TRANSFR" in the catalog' },
        { field: 'applicant.idNumber', rule: 'gb11643', message: 'idNumber has a wrong check digit' },
      ],
    },
  })
  refuse(@Body() body: RefuseDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<RefusalView> {
    return this.rpc.request(Rpc.intake.refuse, { actor, data: body } satisfies Command<RefuseRequest>, { correlationId });
  }

  @Get('refusals/:refusalNo')
  @ApiOperation({ summary: 'A refusal decision (不予受理决定书) by its number.' })
  @ApiOkResponse({ type: RefusalViewDto })
  @ApiErrors([400, 404, 503], { 404: { code: 'REFUSAL.NOT_FOUND', message: 'No refusal BY20261123000007.' } })
  refusal(@Param() p: RefusalNoParam, @CorrelationId() correlationId: string): Promise<RefusalView> {
    return this.rpc.request(Rpc.intake.getRefusal, { refusalNo: p.refusalNo }, { correlationId });
  }

  @Get('supervision/pending-materials')
  @Roles('SUPERVISOR')
  @ApiOperation({ summary: '电子监察: tolerant acceptances whose pending materials are overdue, most overdue first, with what is missing.' })
  @ApiOkResponse({ type: [OverduePendingDto] })
  @ApiErrors([503])
  overduePending(@CorrelationId() correlationId: string): Promise<OverduePendingView[]> {
    return this.rpc.request(Rpc.intake.overduePendingMaterials, {}, { correlationId });
  }
}
