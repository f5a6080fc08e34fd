import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { toShanghai } from '#libs/calendar';
import { Rpc, type Actor } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { CaseScoped } from '../access/case-scoped.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { UsersRepository } from '../auth/users.repository.js';
import { ApiErrors, ApiStaff } from '../common/api-docs.js';
import { CaseNoParam } from '../common/params.dto.js';
import { PrintNoticeQuery } from '../fees/print/print-notice.query.js';
import { CorrelationId } from '../http/request-context.js';
import { renderLetterHtml } from './print/render-letter.js';
import { renderLetterPdf } from './print/render-letter-pdf.js';

/** The printed 不予行政许可决定书 of a rejected case, served on the applicant at the window or by courier. */
@ApiTags('deliveries')
@ApiStaff()
@Controller()
export class DecisionLetterController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly users: UsersRepository,
  ) {}

  @Get('cases/:caseNo/decision-letter')
  @Roles('CLERK', 'COURIER', 'SUPERVISOR')
  @CaseScoped()
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The decision letter (不予行政许可决定书) of a rejected case as a printable A4 page, or as a PDF with ?format=pdf.',
    description:
      'The letter number (JD + date + sequence + check character, also as a QR code), the applicant and the item, every deciding ' +
      "department's reasons (two when a parallel stage had two rejections), the legal basis (《行政许可法》第三十八条), the remedies " +
      '(行政复议 within 60 days to the people’s government at the same level or the department at the next level up; 行政诉讼 within 6 ' +
      'months) and how it is served (window pickup or courier: the letter has a delivery like a certificate). CLERK, COURIER and SUPERVISOR.',
  })
  @ApiProduces('text/html', 'application/pdf')
  @ApiOkResponse({
    description: 'text/html; charset=utf-8 by default; application/pdf with ?format=pdf.',
    content: {
      'text/html': { schema: { type: 'string', example: '<!DOCTYPE html><html lang="zh-CN">…不予行政许可决定书…</html>' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors([400, 404, 503], { 404: { code: 'DECISION_LETTER.NOT_FOUND', message: 'No decision letter for case 510704202611230000427.' } })
  async print(@Param() p: CaseNoParam, @Query() q: PrintNoticeQuery, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<StreamableFile> {
    const opts = { correlationId };
    const letter = await this.rpc.request(Rpc.delivery.decisionLetterOfCase, { caseNo: p.caseNo }, opts);
    // Names make the paper readable; without intake the codes are printed instead.
    const [departments, centers, user] = await Promise.all([
      this.rpc.request(Rpc.intake.listDepartments, {}, opts).catch(() => []),
      this.rpc.request(Rpc.intake.listCenters, {}, opts).catch(() => []),
      this.users.find(actor.id).catch(() => undefined),
    ]);
    const print = {
      departmentNames: Object.fromEntries(departments.map((d) => [d.code, d.name])),
      centerName: centers.find((c) => c.code === letter.centerCode)?.name,
      printedBy: user?.displayName && user.displayName !== actor.id ? `${user.displayName}（${actor.id}）` : actor.id,
      printedAt: toShanghai(new Date()) ?? undefined,
    };
    if (q.format === 'pdf') {
      return new StreamableFile(await renderLetterPdf(letter, print), {
        type: 'application/pdf',
        disposition: `inline; filename="${letter.letterNo.replace(/[^A-Za-z0-9_-]/g, '')}.pdf"`,
      });
    }
    return new StreamableFile(Buffer.from(await renderLetterHtml(letter, print), 'utf8'), { type: 'text/html; charset=utf-8' });
  }
}
