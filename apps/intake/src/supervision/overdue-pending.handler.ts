import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Rpc, type OverduePendingView } from '#libs/contracts';
import { OverduePending } from './overdue-pending.js';

@Controller()
export class OverduePendingHandler {
  constructor(private readonly overdue: OverduePending) {}

  @MessagePattern(Rpc.intake.overduePendingMaterials)
  list(): Promise<OverduePendingView[]> {
    return this.overdue.list();
  }
}
