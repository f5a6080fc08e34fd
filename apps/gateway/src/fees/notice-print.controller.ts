import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AppError, ErrorCodes, Rpc, type Actor } from '#libs/contracts';
import { toShanghai } from '#libs/calendar';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CaseAccess, type Caller } from '../access/case-access.js';
import { CurrentCaller } from '../access/caller.decorator.js';
import { UsersRepository } from '../auth/users.repository.js';
import { ApiErrors, ApiStaff } from '../common/api-docs.js';
import { NoticeNoParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { PrintNoticeQuery } from './print/print-notice.query.js';
import { renderNoticeHtml } from './print/render-notice.js';
import { renderNoticePdf } from './print/render-notice-pdf.js';

/** The printed payment notice (缴费通知书) handed to the applicant to pay at the window or a bank. */
@ApiTags('fees')
@ApiStaff()
@Controller()
export class NoticePrintController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly users: UsersRepository,
    private readonly access: CaseAccess,
  ) {}

  @Get('payment-notices/:noticeNo/print')
  @Roles('FINANCE', 'SUPERVISOR', 'CLERK')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The payment notice (非税收入缴款通知书) as a printable A4 page, or as a PDF with ?format=pdf.',
    description:
      'The notice number (large, and as a QR code), case number, item, issue time and 有效期至; the lines (项目, 数量, 金额); the split per ' +
      'collecting department with each payee account (账户名, 开户行, 账号); the total in figures and in Chinese capitals (大写金额, e.g. ' +
      '人民币玖拾元整); how to pay (finance window, bank counter or online banking quoting the number, QR code, before the expiry). A notice ' +
      'that must not be paid (EXPIRED, VOID, PAID, REFUND_DUE, REFUNDED) carries a banner saying why and a watermark. FINANCE, SUPERVISOR ' +
      'and the window CLERK may print it.',
  })
  @ApiProduces('text/html', 'application/pdf')
  @ApiOkResponse({
    description: 'text/html; charset=utf-8 by default; application/pdf with ?format=pdf.',
    content: {
      'text/html': { schema: { type: 'string', example: '<!DOCTYPE html><html lang="zh-CN">…非税收入缴款通知书…人民币玖拾元整…</html>' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors([400, 404, 503], { 404: { code: 'PAYMENT_NOTICE.NOT_FOUND', message: 'No payment notice PN202611240000427.' } })
  async print(
    @Param() p: NoticeNoParam,
    @Query() q: PrintNoticeQuery,
    @CurrentActor() actor: Actor,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
  ): Promise<StreamableFile> {
    const notice = await this.rpc.request(Rpc.fees.getNotice, { noticeNo: p.noticeNo }, { correlationId });
    if (!(await this.access.allows(caller, notice.caseNo, correlationId))) throw AppError.notFound(ErrorCodes.NOTICE_NOT_FOUND, `No payment notice ${p.noticeNo}.`);
    const user = await this.users.find(actor.id).catch(() => undefined);
    const opts = {
      printedBy: user?.displayName && user.displayName !== actor.id ? `${user.displayName}（${actor.id}）` : actor.id,
      printedAt: toShanghai(new Date()) ?? undefined,
    };
    if (q.format === 'pdf') {
      return new StreamableFile(await renderNoticePdf(notice, opts), {
        type: 'application/pdf',
        disposition: `inline; filename="${notice.noticeNo.replace(/[^A-Za-z0-9_-]/g, '')}.pdf"`,
      });
    }
    return new StreamableFile(Buffer.from(await renderNoticeHtml(notice, opts), 'utf8'), { type: 'text/html; charset=utf-8' });
  }
}
