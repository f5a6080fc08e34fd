import type { Provider } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { SERVICE_CONFIG } from '#libs/platform';
import { FileSink } from './file-sink.js';
import { LogSink } from './log-sink.js';
import { NOTIFICATION_SINK, type NotificationSink } from './notification-sink.js';
import { HttpSmsGateway, SmsSink } from './sms-gateway.js';

/** The sink NOTIFY_SINK names (loadConfig already refused `sms` without its URL and key). */
export function sinkFor(config: ServiceConfig): NotificationSink {
  switch (config.notifySink) {
    case 'sms':
      return new SmsSink(new HttpSmsGateway(config.notifySmsUrl!, config.notifySmsKey!));
    case 'log':
      return new LogSink();
    default:
      return new FileSink(config.notifyFile);
  }
}

export const NotifySinkProvider: Provider = { provide: NOTIFICATION_SINK, inject: [SERVICE_CONFIG], useFactory: sinkFor };
