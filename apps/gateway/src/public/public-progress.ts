import { CaseStatus, Events, type NotificationTemplate, type TimelineEntry, type WorkflowView } from '#libs/contracts';

/** Department and center codes to their names; a code without a name is shown as it is. */
export type Names = (code: string) => string;

/** One line of the applicant's timeline: when, and what happened in words. Nothing else (no actor, no data). */
export interface PublicTimelineEntry {
  at: string;
  event: string;
}

const TEMPLATE_WORDS: Record<NotificationTemplate, string> = {
  CASE_ACCEPTED: '受理通知',
  SUPPLEMENT_REQUESTED: '补正通知',
  CASE_APPROVED: '审批通过通知',
  CASE_REJECTED: '不予许可通知',
  PAYMENT_DUE: '缴费通知',
  RESULT_READY_WINDOW: '领取通知（含取件码）',
  RESULT_READY_COURIER: '待寄送通知',
  DISPATCHED: '寄出通知',
  DELIVERED: '送达通知',
  DELIVERY_FAILED: '投递未成功通知',
};

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const joined = (names: string[]): string => names.filter(Boolean).join('、');

/**
 * The applicant's words for each timeline entry they should see, or undefined for those they should not (warnings,
 * assignments, staff opinions, site surveys: internal work). Built from the entry's type and only the fields named
 * here, so no staff name, ID number or phone in the summary can reach the page.
 */
export function publicWording(e: TimelineEntry, names: Names): string | undefined {
  const d = e.data ?? {};
  switch (e.type) {
    case Events.CaseAccepted:
      return '申请已受理';
    case Events.StageOpened:
      return `${joined(list(d.departments).map((c) => names(text(c)))) || '相关部门'}开始审查`;
    case Events.CaseSuspended: {
      const materials = joined(list(d.requested).map((m) => text((m as { name?: unknown })?.name)));
      return `需补正材料${materials ? `：${materials}` : ''}（办理时限暂停）`;
    }
    case Events.CaseResumed:
      return '补正材料已收齐，恢复审查';
    case Events.CaseSupplemented:
      return '已收到补正材料';
    case Events.CaseApproved:
      return '审批通过';
    case Events.CaseRejected:
      return '不予许可';
    case Events.CaseWithdrawn:
      return '申请已撤回';
    case Events.NoticeIssued:
      return typeof d.totalFen === 'number' ? `已开具缴费通知书，应缴${(d.totalFen / 100).toFixed(2)}元` : '已开具缴费通知书';
    case Events.NoticeReissued:
      return '缴费通知书已重新开具';
    case Events.FeesSettled:
      return '费用已结清';
    case Events.CertificatesIssued:
      return '证照已制作';
    case Events.DeliveryReady:
      return d.method === 'COURIER' ? '办理结果待寄出' : '办理结果可到窗口领取（取件码已通过短信发送）';
    case Events.DeliveryDispatched:
      return `办理结果已寄出${text(d.carrier) ? `（${text(d.carrier)}，运单号${text(d.waybillNo)}）` : ''}`;
    case Events.DeliveryDelivered:
      return d.method === 'COURIER' ? '办理结果已送达' : '办理结果已领取';
    case Events.DeliveryFailed:
      return d.next === 'RETURNED_TO_WINDOW' ? '投递未成功，办理结果将转回窗口' : '投递未成功，将再次投递';
    case Events.DeliveryReturnedToWindow:
      return '办理结果已转回窗口，可凭取件码领取（取件码已通过短信发送）';
    case Events.NotificationSent:
      return d.outcome === 'SENT' ? `已发送${TEMPLATE_WORDS[d.template as NotificationTemplate] ?? '短信通知'}` : undefined;
    default:
      return undefined;
  }
}

export function publicTimeline(entries: TimelineEntry[], names: Names): PublicTimelineEntry[] {
  return entries.flatMap((e) => {
    const event = publicWording(e, names);
    return event ? [{ at: e.at, event }] : [];
  });
}

/**
 * The current step in words, from the case's status and, under review, the departments with a stage open
 * ("住房和城乡建设局审查中"). `pickupCenter` is the center's name when the result waits at a window.
 */
export function currentStep(status: string, workflow: Pick<WorkflowView, 'stages'> | undefined, names: Names, delivery?: { method?: string; pickupCenter?: string }): string {
  switch (status) {
    case CaseStatus.ACCEPTED:
      return '已受理，等待分送审查';
    case CaseStatus.IN_REVIEW: {
      const open = (workflow?.stages ?? []).filter((s) => s.status === 'OPEN').flatMap((s) => s.departments);
      return open.length ? `${joined(open.map(names))}审查中` : '审查中';
    }
    case CaseStatus.SUSPENDED:
      return '待补正材料';
    case CaseStatus.APPROVED:
      return '审批通过，正在制证';
    case CaseStatus.AWAITING_PAYMENT:
      return '待缴费';
    case CaseStatus.READY_FOR_DELIVERY:
      return delivery?.method === 'COURIER' ? '待寄出' : `待领取${delivery?.pickupCenter ? `（${delivery.pickupCenter}）` : ''}`;
    case CaseStatus.DELIVERING:
      return '邮寄中';
    case CaseStatus.DELIVERED:
      return '已办结';
    case CaseStatus.REJECTED:
      return '不予许可';
    case CaseStatus.WITHDRAWN:
      return '已撤回';
    default:
      return '办理中';
  }
}
