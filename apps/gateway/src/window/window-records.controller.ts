import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, ErrorCodes, Rpc, type Actor, type Command, type OneTimeNoticeView, type OverduePendingView, type RefusalView, type RefuseRequest } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { CaseAccess, type Caller } from '../access/case-access.js';
import { CurrentCaller } from '../access/caller.decorator.js';
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
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: CaseAccess,
  ) {}

  /** A clerk sees the window records (one-time notices, refusals) of their own centers only; else as if unknown. */
  private inScope(caller: Caller, centerCode: string): boolean {
    return caller.actor.role !== 'CLERK' || caller.user.centers.includes(centerCode);
  }

  @Get('notices/:noticeNo')
  @Roles('CLERK', 'SUPERVISOR')
  @ApiOperation({ summary: 'A one-time notice (一次性告知书) issued when materials were missing or defective: everything it listed.' })
  @ApiOkResponse({ type: OneTimeNoticeViewDto })
  @ApiErrors([400, 404, 503], { 404: { code: 'ONE_TIME_NOTICE.NOT_FOUND', message: 'No one-time notice GZ20261123000042.' } })
  async notice(@Param() p: OneTimeNoticeNoParam, @CurrentCaller() caller: Caller, @CorrelationId() correlationId: string): Promise<OneTimeNoticeView> {
    const notice = await this.rpc.request(Rpc.intake.getNotice, { noticeNo: p.noticeNo }, { correlationId });
    if (!this.inScope(caller, notice.centerCode)) throw AppError.notFound(ErrorCodes.ONE_TIME_NOTICE_NOT_FOUND, `No one-time notice ${p.noticeNo}.`);
    return notice;
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
  async refuse(@Body() body: RefuseDto, @CurrentActor() actor: Actor, @CurrentCaller() caller: Caller, @CorrelationId() correlationId: string): Promise<RefusalView> {
    // A clerk refuses only at a center they work at (docs/ACCESS.md).
    await this.access.assertCenter(caller, body.centerCode, correlationId);
    return this.rpc.request(Rpc.intake.refuse, { actor, data: body } satisfies Command<RefuseRequest>, { correlationId });
  }

  @Get('refusals/:refusalNo')
  @Roles('CLERK', 'SUPERVISOR')
  @ApiOperation({ summary: 'A refusal decision (不予受理决定书) by its number.' })
  @ApiOkResponse({ type: RefusalViewDto })
  @ApiErrors([400, 404, 503], { 404: { code: 'REFUSAL.NOT_FOUND', message: 'No refusal BY20261123000007.' } })
  async refusal(@Param() p: RefusalNoParam, @CurrentCaller() caller: Caller, @CorrelationId() correlationId: string): Promise<RefusalView> {
    const refusal = await this.rpc.request(Rpc.intake.getRefusal, { refusalNo: p.refusalNo }, { correlationId });
    if (!this.inScope(caller, refusal.centerCode)) throw AppError.notFound(ErrorCodes.REFUSAL_NOT_FOUND, `No refusal ${p.refusalNo}.`);
    return refusal;
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
