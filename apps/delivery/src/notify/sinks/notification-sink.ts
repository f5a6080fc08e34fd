import type { NotificationChannel, NotificationTemplate } from '#libs/contracts';

/** One notification on its way out: the full phone number only reaches a sink that needs it (the SMS gateway). */
export interface OutgoingNotification {
  id: string;
  caseNo: string;
  template: NotificationTemplate;
  phone: string;
  text: string;
  /** UTC instant it was queued. */
  queuedAt: Date;
}

/** Where notifications go; throws when this one could not be sent (the sender retries it later). */
export interface NotificationSink {
  readonly channel: NotificationChannel;
  send(n: OutgoingNotification): Promise<void>;
}

/** The sink the sender uses, chosen by NOTIFY_SINK (see NotifySinkProvider). */
export const NOTIFICATION_SINK = Symbol('NOTIFICATION_SINK');
