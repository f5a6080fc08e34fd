import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type SupervisionStatsView, type SupervisionWarningView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { SupervisionStats } from './supervision-stats.js';
import { SupervisionWarnings } from './supervision-warnings.js';

@Controller()
export class SupervisionHandler {
  constructor(
    private readonly warnings: SupervisionWarnings,
    private readonly stats: SupervisionStats,
  ) {}

  @OnRpc(Rpc.routing.supervisionWarnings)
  currentWarnings(@Payload() query: unknown): Promise<SupervisionWarningView[]> {
    return this.warnings.execute(query);
  }

  @OnRpc(Rpc.routing.supervisionStats)
  figures(@Payload() query: unknown): Promise<SupervisionStatsView> {
    return this.stats.execute(query);
  }
}
