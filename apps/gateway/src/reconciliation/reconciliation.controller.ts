import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Rpc, type DailyReconciliation } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiStaff } from '../common/api-docs.js';
import { CorrelationId } from '../http/request-context.js';
import { DailyReconciliationDto, ReconciliationQueryDto } from './dto/reconciliation.dto.js';
import { renderReconciliationCsv } from './reconciliation-csv.js';
import { RECONCILIATION_EXAMPLE } from './reconciliation.fixture.js';

const BAD_DATE = {
  code: 'REQUEST.INVALID',
  message: 'The request has 1 problem(s); every one is listed.',
  problems: [{ field: 'date', rule: 'isCalendarDate', message: 'date must be a real calendar day from 2000-01-01 on' }],
};
const FUTURE_DATE = {
  code: 'REQUEST.INVALID',
  message: 'The request has problems; every one is listed.',
  problems: [{ field: 'date', rule: 'notInFuture', message: 'date 2027-01-01 has not begun yet (Asia/Shanghai).' }],
};

/** 对账 / 分账: the fees service's books of one Asia/Shanghai day, for the finance office and supervisors. */
@ApiTags('reconciliation')
@ApiStaff()
@Roles('FINANCE', 'SUPERVISOR')
@Controller('reconciliation')
export class ReconciliationController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('daily')
  @ApiOperation({
    summary: 'Daily reconciliation and split (对账 / 分账) of one Asia/Shanghai day.',
    description:
      'Per channel and per department: notices issued, payments (and double payments), refunds, voids and expiries (count and fen), ' +
      'and the net each department is owed (paid − refunded); totals; and the exceptions to act on, case by case: double payments, ' +
      'bank callbacks that paid nothing, refunds owed longer than REFUND_OVERDUE_DAYS. Every sum is computed in SQL from the rows of the day. ' +
      'A day not over yet is reconciled up to now; a day still to come is refused (422).',
  })
  @ApiOkResponse({ type: DailyReconciliationDto, example: RECONCILIATION_EXAMPLE })
  @ApiErrors([400, 422, 503], { 400: BAD_DATE, 422: FUTURE_DATE })
  daily(@Query() q: ReconciliationQueryDto, @CorrelationId() correlationId: string): Promise<DailyReconciliation> {
    return this.rpc.request(Rpc.fees.reconcileDay, { date: q.date }, { correlationId });
  }

  @Get('daily.csv')
  @ApiOperation({
    summary: 'The same day as CSV for the finance office (UTF-8 with BOM, so Excel shows the Chinese).',
    description:
      'One section per table (totals, departments, unallocated, channels, exceptions), CRLF line ends. Every amount in two columns: ' +
      'yuan with two decimals (元) and integer fen (分). Sent as an attachment, reconciliation-YYYY-MM-DD.csv.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv; charset=utf-8, with a UTF-8 BOM', schema: { type: 'string', example: renderReconciliationCsv(RECONCILIATION_EXAMPLE) } })
  @ApiErrors([400, 422, 503], { 400: BAD_DATE, 422: FUTURE_DATE })
  async dailyCsv(
    @Query() q: ReconciliationQueryDto,
    @Res({ passthrough: true }) res: Response,
    @CorrelationId() correlationId: string,
  ): Promise<string> {
    const day = await this.rpc.request(Rpc.fees.reconcileDay, { date: q.date }, { correlationId });
    // Set here, once the day is read: an error answer (400, 422, 503) stays JSON, not a "CSV" holding JSON.
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="reconciliation-${day.date}.csv"`);
    return renderReconciliationCsv(day);
  }
}
