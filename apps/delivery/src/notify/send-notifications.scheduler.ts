import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { SERVICE_CONFIG } from '#libs/platform';
import { SendNotifications } from './send-notifications.js';

/** Runs the sender every NOTIFY_POLL_MS in every delivery process (0: off); SKIP LOCKED keeps replicas apart. */
@Injectable()
export class SendNotificationsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SendNotifications');
  private readonly intervalMs: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly send: SendNotifications,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.intervalMs = config.notifyPollMs;
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
    if (this.running) return;
    this.running = this.send
      .execute()
      .catch((e) => this.logger.error(`sending notifications failed (next try in ${this.intervalMs} ms): ${(e as Error).message}`))
      .finally(() => (this.running = undefined));
  }
}
