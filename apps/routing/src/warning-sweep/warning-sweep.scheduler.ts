import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { PeriodicJob, SERVICE_CONFIG } from '#libs/platform';
import { WarningSweep } from './warning-sweep.js';

/** Runs the sweep every WARNING_SWEEP_MS in every routing process (0: off; the RPC still sweeps). */
@Injectable()
export class WarningSweepScheduler extends PeriodicJob {
  constructor(
    private readonly sweep: WarningSweep,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    super('warning sweep', config.warningSweepMs);
  }

  protected runOnce(): Promise<unknown> {
    return this.sweep.execute();
  }
}
