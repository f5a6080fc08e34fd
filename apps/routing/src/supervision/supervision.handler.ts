import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type SupervisionStatsView, type SupervisionWarningView } from '#libs/contracts';
import { SupervisionStats } from './supervision-stats.js';
import { SupervisionWarnings } from './supervision-warnings.js';

@Controller()
export class SupervisionHandler {
  constructor(
    private readonly warnings: SupervisionWarnings,
    private readonly stats: SupervisionStats,
  ) {}

  @MessagePattern(Rpc.routing.supervisionWarnings)
  currentWarnings(@Payload() query: unknown): Promise<SupervisionWarningView[]> {
    return this.warnings.run(query);
  }

  @MessagePattern(Rpc.routing.supervisionStats)
  figures(@Payload() query: unknown): Promise<SupervisionStatsView> {
    return this.stats.run(query);
  }
}
