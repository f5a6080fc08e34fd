import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { SERVICE_CONFIG } from '#libs/platform';
import { WarningSweep } from './warning-sweep.js';

/** Runs the sweep on a timer in every routing process; the sweep itself is what makes replicas safe side by side. */
@Injectable()
export class WarningSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WarningSweep');
  /** WARNING_SWEEP_MS; 0 turns the timer off (the RPC still sweeps). */
  private readonly intervalMs: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly sweep: WarningSweep,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.intervalMs = config.warningSweepMs;
  }

  onApplicationBootstrap(): void {
    if (!this.intervalMs) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return; // the previous sweep of this process is still going
    this.running = this.sweep
      .execute()
      .catch((e) => this.logger.error(`warning sweep failed (next try in ${this.intervalMs} ms): ${(e as Error).message}`))
      .finally(() => (this.running = undefined));
  }
}
