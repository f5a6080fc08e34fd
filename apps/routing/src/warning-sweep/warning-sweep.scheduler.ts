import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WarningSweep } from './warning-sweep.js';

/** WARNING_SWEEP_MS: how often each routing process sweeps (default 30000); 0 turns the timer off (RPC still works). */
export function sweepIntervalMs(raw: string | undefined = process.env.WARNING_SWEEP_MS): number {
  if (raw === undefined || raw === '') return 30_000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`[routing] bad configuration: WARNING_SWEEP_MS must be a whole number of milliseconds, got "${raw}"`);
  return n;
}

/** Runs the sweep on a timer in every routing process; the sweep itself is what makes replicas safe side by side. */
@Injectable()
export class WarningSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WarningSweep');
  private readonly intervalMs = sweepIntervalMs();
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly sweep: WarningSweep) {}

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
      .run()
      .catch((e) => this.logger.error(`warning sweep failed (next try in ${this.intervalMs} ms): ${(e as Error).message}`))
      .finally(() => (this.running = undefined));
  }
}
