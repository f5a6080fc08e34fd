import { Controller } from '@nestjs/common';
import { Rpc } from '#libs/contracts';
import { HealthService, OnRpc, type HealthReport } from '#libs/messaging';

@Controller()
export class RoutingHealthHandler {
  constructor(private readonly health: HealthService) {}

  @OnRpc(Rpc.routing.health)
  handle(): Promise<HealthReport> {
    return this.health.check();
  }
}
