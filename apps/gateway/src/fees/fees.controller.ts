import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, ErrorCodes, Rpc, type Actor, type NoticePage, type NoticeView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { CaseAccess, type Caller } from '../access/case-access.js';
import { CurrentCaller } from '../access/caller.decorator.js';
import { CaseScoped } from '../access/case-scoped.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CaseNoParam, NoticeNoParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { ListNoticesQuery } from './dto/list-notices.query.js';
import { NoticePageDto, NoticeViewDto } from './dto/notice-view.dto.js';
import { RecordPaymentDto } from './dto/record-payment.dto.js';
import { RefundDto } from './dto/refund.dto.js';
import { ReissueDto } from './dto/reissue.dto.js';

const NOTICE_NOT_FOUND = { code: 'PAYMENT_NOTICE.NOT_FOUND', message: 'Payment notice PN202612020000427 does not exist.' };

/** The finance window (一窗式收费): notices, payments, reissues and refunds. Clerks never handle money. */
@ApiTags('fees')
@ApiStaff()
@Controller()
export class FeesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly access: CaseAccess,
  ) {}

  @Get('payment-notices')
  @Roles('FINANCE', 'SUPERVISOR')
  @ApiOperation({ summary: 'Payment notices (缴费通知书), newest first, cursor-paged like the worklist.' })
  @ApiOkResponse({ type: NoticePageDto })
  @ApiErrors([400, 503])
  list(@Query() q: ListNoticesQuery, @CorrelationId() correlationId: string): Promise<NoticePage> {
    return this.rpc.request(Rpc.fees.listNotices, { ...q }, { correlationId });
  }

  @Get('payment-notices/:noticeNo')
  @Roles('FINANCE', 'SUPERVISOR', 'CLERK')
  @ApiOperation({ summary: 'One payment notice with its payments and refunds.' })
  @ApiOkResponse({ type: NoticeViewDto })
  @ApiErrors([400, 404, 503], { 404: NOTICE_NOT_FOUND })
  async get(@Param() p: NoticeNoParam, @CurrentCaller() caller: Caller, @CorrelationId() correlationId: string): Promise<NoticeView> {
    const notice = await this.rpc.request(Rpc.fees.getNotice, { noticeNo: p.noticeNo }, { correlationId });
    // A clerk: only notices of cases of their centers; outside it, the answer for an unknown notice.
    if (!(await this.access.allows(caller, notice.caseNo, correlationId))) throw AppError.notFound(ErrorCodes.NOTICE_NOT_FOUND, `No payment notice ${p.noticeNo}.`);
    return notice;
  }

  @Get('cases/:caseNo/payment-notice')
  @Roles('FINANCE', 'SUPERVISOR', 'CLERK', 'CHIEF_REP')
  @CaseScoped()
  @ApiOperation({ summary: "The case's current payment notice: every department's fees on one notice." })
  @ApiOkResponse({ type: NoticeViewDto })
  @ApiErrors([400, 404, 503], { 404: { code: 'PAYMENT_NOTICE.NOT_FOUND', message: 'No payment notice for case 510704202611230000427.' } })
  async ofCase(@Param() p: CaseNoParam, @CorrelationId() correlationId: string): Promise<NoticeView> {
    const notice = await this.rpc.request(Rpc.fees.noticeOfCase, { caseNo: p.caseNo }, { correlationId });
    if (!notice) throw AppError.notFound(ErrorCodes.NOTICE_NOT_FOUND, `No payment notice for case ${p.caseNo}.`);
    return notice;
  }

  @Post('payment-notices/:noticeNo/payments')
  @Roles('FINANCE')
  @ApiOperation({ summary: 'Record a payment collected at the finance window (the exact amount of the notice).' })
  @ApiBody({ type: RecordPaymentDto, examples: { wechat: { summary: 'Paid by WeChat Pay', value: { amountFen: 9000, channel: 'WECHAT', reference: '4200001234202611240123456789' } } } })
  @ApiCreatedResponse({ type: NoticeViewDto, description: 'The notice after the payment.' })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 422, 503], {
    404: NOTICE_NOT_FOUND,
    409: { code: 'PAYMENT_NOTICE.NOT_PAYABLE', message: 'Payment notice PN202612020000427 is VOID and cannot be paid.' },
    422: { code: 'NOTICE.EXPIRED', message: 'Payment notice PN202612020000427 expired; the finance window reissues it.' },
  })
  pay(@Param() p: NoticeNoParam, @Body() body: RecordPaymentDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<NoticeView> {
    return this.rpc.request(Rpc.fees.recordPayment, { actor, data: { noticeNo: p.noticeNo, ...body } }, { correlationId });
  }

  @Post('payment-notices/:noticeNo/reissue')
  @Roles('FINANCE')
  @ApiOperation({ summary: 'Reissue an expired notice: a new number and expiry, the old one VOID; both on the timeline.' })
  @ApiBody({ type: ReissueDto, required: false, examples: { expired: { summary: 'The applicant came back after the expiry', value: { reason: '申请人逾期未缴,重新开具' } } } })
  @ApiCreatedResponse({ type: NoticeViewDto, description: 'The new notice (replaces = the old number).' })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 503], {
    404: NOTICE_NOT_FOUND,
    409: { code: 'PAYMENT_NOTICE.NOT_REISSUABLE', message: 'Payment notice PN202612020000427 is UNPAID; only an expired notice is reissued.' },
  })
  reissue(@Param() p: NoticeNoParam, @Body() body: ReissueDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<NoticeView> {
    return this.rpc.request(Rpc.fees.reissueNotice, { actor, data: { noticeNo: p.noticeNo, ...body } }, { correlationId });
  }

  @Post('payment-notices/:noticeNo/refunds')
  @Roles('FINANCE')
  @HttpCode(201)
  @ApiOperation({ summary: 'Refund (退费): a double payment, or what a withdrawn case paid, in one or more parts.' })
  @ApiBody({ type: RefundDto, examples: { half: { summary: 'First half of a withdrawn case’s fees', value: { amountFen: 4500, reason: '申请人撤回申请,退还已缴费用' } } } })
  @ApiCreatedResponse({ type: NoticeViewDto, description: 'The notice after the refund, with every refund made.' })
  @ApiIdempotent()
  @ApiErrors([400, 404, 422, 503], {
    404: NOTICE_NOT_FOUND,
    422: { code: 'REFUND.EXCEEDS_REFUNDABLE', message: 'The refund cannot be made: at most 4500 fen can be refunded on this notice.' },
  })
  refund(@Param() p: NoticeNoParam, @Body() body: RefundDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<NoticeView> {
    return this.rpc.request(Rpc.fees.refund, { actor, data: { noticeNo: p.noticeNo, ...body } }, { correlationId });
  }
}
