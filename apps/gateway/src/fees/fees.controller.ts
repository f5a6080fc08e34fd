import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, ErrorCodes, Rpc, type Actor, type Command, type NoticeView, type RecordPaymentRequest } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CaseNoParam, NoticeNoParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { ListNoticesQuery } from './dto/list-notices.query.js';
import { NoticeViewDto } from './dto/notice-view.dto.js';
import { RecordPaymentDto } from './dto/record-payment.dto.js';

const NOTICE_NOT_FOUND = { code: 'PAYMENT_NOTICE.NOT_FOUND', message: 'No payment notice for case 510704202611230000427.' };

@ApiTags('fees')
@ApiStaff()
@Controller()
export class FeesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('payment-notices')
  @Roles('FINANCE')
  @ApiOperation({ summary: 'Payment notices (缴费通知书) for the finance window.' })
  @ApiOkResponse({ type: [NoticeViewDto] })
  @ApiErrors([400, 503])
  list(@Query() q: ListNoticesQuery, @CorrelationId() correlationId: string): Promise<NoticeView[]> {
    return this.rpc.request(Rpc.fees.listNotices, { status: q.status }, { correlationId });
  }

  @Get('cases/:caseNo/payment-notice')
  @ApiOperation({ summary: "The case's payment notice: every department's fees on one notice." })
  @ApiOkResponse({ type: NoticeViewDto })
  @ApiErrors([400, 404, 503], { 404: NOTICE_NOT_FOUND })
  async ofCase(@Param() p: CaseNoParam, @CorrelationId() correlationId: string): Promise<NoticeView> {
    const notice = await this.rpc.request(Rpc.fees.noticeOfCase, { caseNo: p.caseNo }, { correlationId });
    if (!notice) throw AppError.notFound(ErrorCodes.NOTICE_NOT_FOUND, `No payment notice for case ${p.caseNo}.`);
    return notice;
  }

  @Post('payment-notices/:noticeNo/payments')
  @Roles('FINANCE')
  @ApiOperation({ summary: 'Record a payment collected at the finance window.' })
  @ApiBody({ type: RecordPaymentDto, examples: { wechat: { summary: 'Paid by WeChat Pay', value: { amountFen: 9000, channel: 'WECHAT', reference: '4200001234202611240123456789' } } } })
  @ApiCreatedResponse({ type: NoticeViewDto, description: 'The notice after the payment.' })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 422, 503], {
    404: { code: 'PAYMENT_NOTICE.NOT_FOUND', message: 'No payment notice PN2026112300001.' },
    409: { code: 'PAYMENT_NOTICE.NOT_PAYABLE', message: 'The notice is PAID, not UNPAID.' },
    422: { code: 'PAYMENT.AMOUNT_MISMATCH', message: 'The notice is for 9000 fen, not 8000.' },
  })
  pay(
    @Param() p: NoticeNoParam,
    @Body() body: RecordPaymentDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<NoticeView> {
    const cmd: Command<RecordPaymentRequest> = { actor, data: { noticeNo: p.noticeNo, ...body } };
    return this.rpc.request(Rpc.fees.recordPayment, cmd, { correlationId });
  }
}
