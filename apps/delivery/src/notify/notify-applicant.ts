import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import { maskName } from '#libs/checks';
import { Events, type EventDataMap, type EventEnvelope, type NotificationTemplate } from '#libs/contracts';
import { PiiKeyring } from '#libs/crypto';
import { newId, type Tx } from '#libs/messaging';
import { CaseProfileRepository } from '../case-profile/case-profile.repository.js';
import { personalDataOf } from '../case-profile/personal-data.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { NotificationRepository } from './notification.repository.js';
import { render, yuan } from './templates.js';

/** What one event tells the applicant: a template and its parameters (the case number and item are added to all). */
interface Notice {
  template: NotificationTemplate;
  params: Record<string, string | undefined>;
}

/** `2026-11-30 23:59:59`: Asia/Shanghai to the second, as a person reads it. */
const shown = (at: string | undefined): string | undefined => toShanghai(at)?.slice(0, 19).replace('T', ' ');

/**
 * The notify module's one use case on the event side (a module of delivery, not a service of its own: the pickup
 * code and the delivery's state are delivery's, and the result-ready notice must carry the code). Every status
 * change that matters to the applicant queues one notification, in the transaction of the event's inbox claim: the
 * row is unique per cause and template, so a redelivered event never queues a second. The sender
 * (SendNotifications) sends it after the commit and puts the outcome on the timeline.
 */
@Injectable()
export class NotifyApplicant {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly profiles: CaseProfileRepository,
    private readonly keyring: PiiKeyring,
  ) {}

  async execute(tx: Tx, e: EventEnvelope): Promise<void> {
    const m = tx.manager;
    if (e.type === Events.CaseAccepted) {
      const d = (e as EventEnvelope<EventDataMap[typeof Events.CaseAccepted]>).data;
      const phone = personalDataOf(this.keyring, d).applicant?.phone;
      if (phone) await this.notifications.addRecipient(m, e.caseNo, phone, d.itemName);
    }
    const recipient = await this.notifications.recipient(m, e.caseNo);
    if (!recipient) {
      // Known to delivery without a recipient: accepted before notifications existed (or without a phone); nothing to send.
      if (await this.profiles.applicant(m, e.caseNo)) return;
      // The acceptance (another stream) has not been handled yet: throw, the redelivery will find it.
      throw new Error(`case ${e.caseNo}: not accepted here yet, ${e.type} waits`);
    }
    const notice = await this.noticeOf(e);
    if (!notice) return;
    await this.notifications.queue(m, {
      id: newId(),
      caseNo: e.caseNo,
      causeEventId: e.id,
      causeType: e.type,
      template: notice.template,
      phone: recipient.phone,
      body: render(notice.template, { caseNo: e.caseNo, itemName: recipient.item_name, ...notice.params }),
    });
  }

  private async noticeOf(e: EventEnvelope): Promise<Notice | undefined> {
    const data = e.data as never;
    switch (e.type) {
      case Events.CaseAccepted: {
        const d: EventDataMap[typeof Events.CaseAccepted] = data;
        return { template: 'CASE_ACCEPTED', params: { promisedDate: shown(d.promisedDeadline) } };
      }
      case Events.CaseSuspended: {
        const d: EventDataMap[typeof Events.CaseSuspended] = data;
        return { template: 'SUPPLEMENT_REQUESTED', params: { materials: (d.requested ?? []).map((r) => r.name).join('、') || '详见补正告知书' } };
      }
      case Events.CaseApproved:
        return { template: 'CASE_APPROVED', params: {} };
      case Events.CaseRejected:
        return { template: 'CASE_REJECTED', params: {} };
      case Events.NoticeIssued: {
        const d: EventDataMap[typeof Events.NoticeIssued] = data;
        return { template: 'PAYMENT_DUE', params: { noticeNo: d.noticeNo, amount: yuan(d.totalFen), dueDate: shown(d.expiresAt) ?? '缴款通知书所载期限' } };
      }
      case Events.DeliveryReady: {
        const d: EventDataMap[typeof Events.DeliveryReady] = data;
        if (d.method === 'COURIER') return { template: 'RESULT_READY_COURIER', params: {} };
        return this.readyAtWindow(e.caseNo, d.deliveryId);
      }
      case Events.DeliveryDispatched: {
        const d: EventDataMap[typeof Events.DeliveryDispatched] = data;
        return { template: 'DISPATCHED', params: { carrier: d.carrier, waybillNo: d.waybillNo } };
      }
      case Events.DeliveryDelivered: {
        const d: EventDataMap[typeof Events.DeliveryDelivered] = data;
        return { template: 'DELIVERED', params: { signedBy: maskName(d.signedBy ?? '') } };
      }
      case Events.DeliveryFailed: {
        const d: EventDataMap[typeof Events.DeliveryFailed] = data;
        return { template: 'DELIVERY_FAILED', params: { reason: d.note ? `（${d.note}）` : '' } };
      }
      case Events.DeliveryReturnedToWindow: {
        // Back at the center after the last failed attempt: from now on it is collected like a WINDOW result, with a code.
        const d: EventDataMap[typeof Events.DeliveryReturnedToWindow] = data;
        return this.readyAtWindow(e.caseNo, d.deliveryId);
      }
      default:
        return undefined;
    }
  }

  /** The code only this notice carries; the delivery row was committed before its event was published. */
  private async readyAtWindow(caseNo: string, deliveryId: string): Promise<Notice> {
    const row = (await this.deliveries.ofCase(caseNo)).find((r) => r.id === deliveryId);
    if (!row?.pickup_code) throw new Error(`case ${caseNo}: delivery ${deliveryId} has no pickup code yet`);
    return { template: 'RESULT_READY_WINDOW', params: { pickupCode: row.pickup_code, pickupCenter: row.pickup_center ?? '受理中心' } };
  }
}
