import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Runs one job on a timer in every process of a service: never two runs of it at once in a process (a tick while the
 * last run is still going is skipped), a failure logged and retried at the next tick, and a stop that waits for the
 * run in progress. Running side by side with other replicas is the job's own business (row locks, SKIP LOCKED).
 * A Nest provider extends it and says what to run and how often (0: the timer is off).
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  protected constructor(
    private readonly name: string,
    private readonly intervalMs: number,
  ) {
    this.logger = new Logger(name);
  }

  protected abstract runOnce(): Promise<unknown>;

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
    if (this.running) return;
    this.running = this.runOnce()
      .catch((e) => this.logger.error(`${this.name} failed (next try in ${this.intervalMs} ms): ${(e as Error)?.message ?? String(e)}`))
      .finally(() => (this.running = undefined));
  }
}
