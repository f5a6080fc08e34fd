import { Controller } from '@nestjs/common';
import { Rpc } from '#libs/contracts';
import { HealthService, OnRpc, type HealthReport } from '#libs/messaging';

/** The gateway's aggregated health asks each service over NATS, not over its HTTP port. */
@Controller()
export class DeliveryHealthHandler {
  constructor(private readonly health: HealthService) {}

  @OnRpc(Rpc.delivery.health)
  check(): Promise<HealthReport> {
    return this.health.check();
  }
}
