import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { AppError, checkCommand, ErrorCodes, ReconciliationQuerySchema, type DailyReconciliation, type ReconciliationQuery } from '#libs/contracts';
import { SERVICE_CONFIG } from '#libs/platform';
import { ReconciliationRepository } from '../reconciliation/reconciliation.repository.js';
import { shanghaiDay } from './day-window.js';
import { toDailyReconciliation } from './reconciliation-view.js';

/**
 * The daily reconciliation and split (对账 / 分账) of one Asia/Shanghai day: per channel and per department, notices
 * issued, payments, double payments, refunds, voids and expiries, each department's net, and the exceptions finance
 * must act on. Every sum is SQL over the day's rows, read in one snapshot; a day not over yet is read up to now.
 */
@Injectable()
export class ReconcileDay {
  constructor(
    private readonly books: ReconciliationRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(query: ReconciliationQuery, now: Date = new Date()): Promise<DailyReconciliation> {
    const { date } = checkCommand(ReconciliationQuerySchema, query);
    const day = shanghaiDay(date);
    if (day.start.getTime() > now.getTime()) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'date', rule: 'notInFuture', message: `date ${date} has not begun yet (Asia/Shanghai).` }]);
    }
    const asOf = day.end.getTime() < now.getTime() ? day.end : now;
    const overdueDays = this.config.refundOverdueDays;
    const [figures, exceptions] = await this.books.snapshot(async (m) => [
      await this.books.figures(m, day.start, day.end, asOf),
      await this.books.exceptions(m, day.start, day.end, overdueDays),
    ] as const);
    return toDailyReconciliation(day, now, overdueDays, figures, exceptions);
  }
}
