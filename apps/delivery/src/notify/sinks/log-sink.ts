import { Logger } from '@nestjs/common';
import { sinkLine } from './file-sink.js';
import type { NotificationSink, OutgoingNotification } from './notification-sink.js';

/** NOTIFY_SINK=log: the same JSON line as the file sink, in the service's log. */
export class LogSink implements NotificationSink {
  readonly channel = 'LOG' as const;
  private readonly logger = new Logger('Notifications');

  async send(n: OutgoingNotification): Promise<void> {
    this.logger.log(`notification ${sinkLine(n)}`);
  }
}
