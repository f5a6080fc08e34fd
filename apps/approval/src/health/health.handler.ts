import { Controller } from '@nestjs/common';
import { Rpc } from '#libs/contracts';
import { HealthService, OnRpc, type HealthReport } from '#libs/messaging';

@Controller()
export class ApprovalHealthHandler {
  constructor(private readonly health: HealthService) {}

  @OnRpc(Rpc.approval.health)
  handle(): Promise<HealthReport> {
    return this.health.check();
  }
}
