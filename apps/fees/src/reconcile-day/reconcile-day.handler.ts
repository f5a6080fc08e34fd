import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type DailyReconciliation, type ReconciliationQuery } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { ReconcileDay } from './reconcile-day.js';

@Controller()
export class ReconcileDayHandler {
  constructor(private readonly reconcileDay: ReconcileDay) {}

  @OnRpc(Rpc.fees.reconcileDay)
  reconcile(@Payload() query: ReconciliationQuery): Promise<DailyReconciliation> {
    return this.reconcileDay.execute(query);
  }
}
