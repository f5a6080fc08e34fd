import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Rpc } from '#libs/contracts';
import { HealthService, type HealthReport } from '#libs/messaging';

@Controller()
export class RoutingHealthHandler {
  constructor(private readonly health: HealthService) {}

  @MessagePattern(Rpc.routing.health)
  handle(): Promise<HealthReport> {
    return this.health.check();
  }
}
