import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { Events, type Actor } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import { NotificationRepository } from './notification.repository.js';
import { NOTIFICATION_SINK, type NotificationSink } from './sinks/notification-sink.js';

const SENDER: Actor = { id: 'delivery.notify', role: 'SYSTEM' };
/** Notifications sent per run at most; the next tick takes the rest. */
const BATCH = 100;

/**
 * Sends queued notifications whose time has come, one transaction each: the row is locked (SKIP LOCKED, so replicas
 * share the queue), handed to the sink, and marked SENT — or, after a failed try, queued again after NOTIFY_RETRY_MS
 * (doubled each time) until NOTIFY_MAX_ATTEMPTS, then FAILED. The outcome goes on the case timeline with
 * `delivery.notification.sent.v1`, in the same commit as the mark, so a notification's outcome is told once.
 * Nothing is lost: a queued row waits until it is sent or FAILED. The sink sees a notification twice only if the
 * process stops between the sink's answer and the commit; the notification id goes with it (file line, SMS
 * Idempotency-Key).
 */
@Injectable()
export class SendNotifications {
  private readonly logger = new Logger('SendNotifications');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationRepository,
    @Inject(NOTIFICATION_SINK) private readonly sink: NotificationSink,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** How many notifications this run handled (sent, or tried and failed). */
  async execute(): Promise<number> {
    let handled = 0;
    while (handled < BATCH && (await this.sendOne())) handled++;
    return handled;
  }

  private sendOne(): Promise<boolean> {
    return this.uow.run({ actor: SENDER }, async (tx) => {
      const n = await this.notifications.lockNextDue(tx.manager);
      if (!n) return false;
      const channel = this.sink.channel;
      const attempts = n.attempts + 1;
      let error: string | undefined;
      try {
        await this.sink.send({ id: n.id, caseNo: n.case_no, template: n.template, phone: n.phone, text: n.body, queuedAt: n.created_at });
      } catch (e) {
        error = String((e as Error)?.message ?? e).slice(0, 200);
      }
      const base = { notificationId: n.id, template: n.template, cause: n.cause_type, channel, attempts };
      if (error === undefined) {
        await this.notifications.markSent(tx.manager, n.id, channel);
        tx.emit(Events.NotificationSent, n.case_no, { ...base, outcome: 'SENT' });
        return true;
      }
      const final = attempts >= this.config.notifyMaxAttempts;
      const retryInMs = this.config.notifyRetryMs * 2 ** (attempts - 1);
      await this.notifications.markAttemptFailed(tx.manager, n.id, channel, error, retryInMs, final);
      this.logger.warn(`notification ${n.id} (case ${n.case_no}, ${n.template}) try ${attempts} failed${final ? ', given up' : `, again in ${retryInMs} ms`}: ${error}`);
      if (final) tx.emit(Events.NotificationSent, n.case_no, { ...base, outcome: 'FAILED', error });
      return true;
    });
  }
}
