import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Rpc } from '#libs/contracts';
import { HealthService, type HealthReport } from '#libs/messaging';

/** The gateway's aggregated health asks each service over NATS, not over its HTTP port. */
@Controller()
export class DeliveryHealthHandler {
  constructor(private readonly health: HealthService) {}

  @MessagePattern(Rpc.delivery.health)
  check(): Promise<HealthReport> {
    return this.health.check();
  }
}
