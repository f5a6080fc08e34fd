import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { PeriodicJob, SERVICE_CONFIG } from '#libs/platform';
import { SendNotifications } from './send-notifications.js';

/** Runs the sender every NOTIFY_POLL_MS in every delivery process (0: off); SKIP LOCKED keeps replicas apart. */
@Injectable()
export class SendNotificationsScheduler extends PeriodicJob {
  constructor(
    private readonly send: SendNotifications,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    super('sending notifications', config.notifyPollMs);
  }

  protected runOnce(): Promise<unknown> {
    return this.send.execute();
  }
}
