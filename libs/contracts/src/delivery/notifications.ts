/**
 * Notifications to the applicant (通知): the delivery service's notify module turns the status changes that matter to
 * the applicant into one notification each, sends it to the configured sink (file, log or an SMS gateway) after the
 * commit, and puts the outcome on the case timeline with `delivery.notification.sent.v1`.
 */

/** Every template the notify module knows (apps/delivery/src/notify/templates.ts holds their Chinese text). */
export const NotificationTemplates = [
  'CASE_ACCEPTED',
  'SUPPLEMENT_REQUESTED',
  'CASE_APPROVED',
  'CASE_REJECTED',
  'PAYMENT_DUE',
  'RESULT_READY_WINDOW',
  'RESULT_READY_COURIER',
  'DISPATCHED',
  'DELIVERED',
  'DELIVERY_FAILED',
] as const;
export type NotificationTemplate = (typeof NotificationTemplates)[number];

/** Where a notification went: a JSON line in a file, a log line, or the SMS gateway over HTTP. */
export type NotificationChannel = 'FILE' | 'LOG' | 'SMS';

/**
 * A notification's outcome, once known: SENT by the sink, or FAILED after the configured number of attempts.
 * No phone number and no text (the text of RESULT_READY_WINDOW holds the pickup code): the timeline keeps what was
 * sent and how it went, not what it said.
 */
export interface NotificationSentData {
  notificationId: string;
  template: NotificationTemplate;
  /** The event type that caused it. */
  cause: string;
  channel: NotificationChannel;
  outcome: 'SENT' | 'FAILED';
  attempts: number;
  /** With FAILED: the last error, short. */
  error?: string;
}
