import { Controller } from '@nestjs/common';
import { Rpc, type OverduePendingView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { OverduePending } from './overdue-pending.js';

@Controller()
export class OverduePendingHandler {
  constructor(private readonly overdue: OverduePending) {}

  @OnRpc(Rpc.intake.overduePendingMaterials)
  list(): Promise<OverduePendingView[]> {
    return this.overdue.execute();
  }
}
