import { toShanghai } from '#libs/calendar';
import { Events, type EventDataMap, type EventEnvelope } from '#libs/contracts';

type Summaries = { [K in keyof EventDataMap]: (data: EventDataMap[K]) => Record<string, unknown> };

/** Keeps only a name's first character: the timeline is read by supervisors, who need who signed, not the name. */
export function maskName(name: string | undefined): string | undefined {
  if (!name) return name;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}

/**
 * What the timeline keeps of each event: the facts a supervisor follows a case by, never the applicant's ID number,
 * phone or address. Listed field by field so a field added to an event later does not leak in unnoticed.
 */
const SUMMARIES: Summaries = {
  [Events.CaseAccepted]: (d) => ({
    itemCode: d.itemCode,
    itemName: d.itemName,
    itemVersion: d.itemVersion,
    caseType: d.caseType,
    centerCode: d.centerCode,
    applicantType: d.applicant?.type,
    deliveryMethod: d.delivery?.method,
    stages: d.reviewPlan?.length ?? 0,
    promisedDeadline: toShanghai(d.promisedDeadline),
    legalDeadline: toShanghai(d.legalDeadline),
    pendingMaterials: d.pendingMaterials?.length ? d.pendingMaterials.map((m) => ({ code: m.code, name: m.name })) : undefined,
    pendingDueAt: d.pendingDueAt ? toShanghai(d.pendingDueAt) : undefined,
    decidingAuthority: d.decidingAuthority,
    decidedAtWindow: d.immediateDecision ? { decision: d.immediateDecision.decision, by: d.immediateDecision.decidedBy } : undefined,
  }),
  [Events.CaseSupplemented]: (d) => ({ supplementId: d.supplementId, materials: d.materials, note: d.note, pendingLeft: d.pendingLeft }),
  [Events.CaseWithdrawn]: (d) => ({ reason: d.reason }),
  [Events.CaseSuspended]: (d) => ({
    taskId: d.taskId,
    stage: d.stage,
    department: d.department,
    requested: d.requested,
    reason: d.reason,
    suspensionId: d.suspensionId,
  }),
  [Events.CaseResumed]: (d) => ({
    suspensionId: d.suspensionId,
    suspendedAt: toShanghai(d.suspendedAt),
    reason: d.reason,
    suspendedWorkingDays: d.suspendedWorkingDays,
    promisedDeadline: toShanghai(d.promisedDeadline),
    legalDeadline: toShanghai(d.legalDeadline),
  }),
  [Events.StageOpened]: (d) => ({
    stage: d.stage,
    departments: d.departments,
    lead: d.lead,
    dueAt: toShanghai(d.dueAt),
    decidedAtWindow: d.immediateDecision ? { decision: d.immediateDecision.decision, by: d.immediateDecision.decidedBy } : undefined,
  }),
  [Events.StageCompleted]: (d) => ({ stage: d.stage }),
  [Events.CaseApproved]: () => ({}),
  [Events.CaseRejected]: (d) => ({ stage: d.stage, department: d.department, opinion: d.opinion }),
  [Events.TaskDecided]: (d) => ({
    taskId: d.taskId,
    stage: d.stage,
    department: d.department,
    decision: d.decision,
    opinion: d.opinion,
    requested: d.requested,
  }),
  [Events.TaskCancelled]: (d) => ({ taskId: d.taskId, stage: d.stage, department: d.department, reason: d.reason }),
  [Events.TaskExtended]: (d) => ({
    taskId: d.taskId,
    stage: d.stage,
    department: d.department,
    workingDays: d.workingDays,
    reason: d.reason,
    previousDueAt: toShanghai(d.previousDueAt),
    dueAt: toShanghai(d.dueAt),
  }),
  [Events.WarningRaised]: (d) => ({
    level: d.level,
    subject: d.subject,
    taskId: d.taskId,
    stage: d.stage,
    department: d.department,
    dueAt: toShanghai(d.dueAt),
  }),
  [Events.TaskAssigned]: (d) => ({ taskId: d.taskId, stage: d.stage, department: d.department, assignee: d.assignee, previousAssignee: d.previousAssignee, reason: d.reason }),
  // The place is left out: it is often the applicant's site address; GET /cases/{caseNo}/site-surveys has it.
  [Events.SiteSurveyScheduled]: (d) => ({ surveyId: d.surveyId, stage: d.stage, lead: d.lead, at: toShanghai(d.at), departments: d.departments, notified: d.notified }),
  [Events.SiteSurveyFindingsRecorded]: (d) => ({ surveyId: d.surveyId, stage: d.stage, department: d.department, findings: d.findings, complete: d.complete }),
  [Events.OpinionRecorded]: (d) => ({ opinionId: d.opinionId, department: d.department, opinion: d.opinion }),
  // Not put on the timeline (the stage opening, the suspension and the resumption are): it only tells the case view.
  [Events.TasksChanged]: (d) => ({ reason: d.reason, taskIds: d.taskIds }),
  [Events.NoticeIssued]: (d) => ({
    noticeNo: d.noticeNo,
    totalFen: d.totalFen,
    items: d.items?.map((i) => ({ code: i.code, name: i.name, department: i.department, amountFen: i.amountFen })),
  }),
  [Events.NoticeReissued]: (d) => ({ previousNoticeNo: d.previousNoticeNo, noticeNo: d.noticeNo, totalFen: d.totalFen, expiresAt: toShanghai(d.expiresAt), reason: d.reason }),
  [Events.PaymentRecorded]: (d) => ({
    noticeNo: d.noticeNo,
    amountFen: d.amountFen,
    channel: d.channel,
    reference: d.reference,
    source: d.source ?? 'WINDOW',
    applied: d.applied ?? true,
    paidAt: toShanghai(d.paidAt),
  }),
  [Events.RefundRecorded]: (d) => ({
    refundNo: d.refundNo,
    noticeNo: d.noticeNo,
    amountFen: d.amountFen,
    channel: d.channel,
    reason: d.reason,
    remainingFen: d.remainingFen,
    noticeStatus: d.noticeStatus,
  }),
  [Events.FeesSettled]: (d) => ({ reason: d.reason, noticeNo: d.noticeNo, totalFen: d.totalFen }),
  [Events.CertificatesIssued]: (d) => ({ certificates: d.certificates?.map((c) => ({ certificateNo: c.certificateNo, name: c.name, department: c.department })) }),
  [Events.DeliveryReady]: (d) => ({ deliveryId: d.deliveryId, method: d.method }),
  [Events.DeliveryDispatched]: (d) => ({ deliveryId: d.deliveryId, carrier: d.carrier, waybillNo: d.waybillNo }),
  [Events.PickupUnlocked]: (d) => ({ deliveryId: d.deliveryId, failedAttempts: d.failedAttempts, reason: d.reason }),
  [Events.DeliveryDelivered]: (d) => ({ deliveryId: d.deliveryId, method: d.method, signedBy: maskName(d.signedBy), ...(d.proxy ? { proxy: { name: maskName(d.proxy.name), idNumber: d.proxy.idNumber } } : {}) }),
  // 邮寄送达 (#10): every failed attempt, and the return to the accepting center (the case stays DELIVERING)
  [Events.DeliveryFailed]: (d) => ({ deliveryId: d.deliveryId, carrier: d.carrier, waybillNo: d.waybillNo, attempt: d.attempt, maxAttempts: d.maxAttempts, next: d.next, at: toShanghai(d.at), note: d.note }),
  [Events.DeliveryReturnedToWindow]: (d) => ({ deliveryId: d.deliveryId, pickupCenter: d.pickupCenter, attempts: d.attempts }),
  // 证照撤销 (#10)
  [Events.CertificateRevoked]: (d) => ({ certificateNo: d.certificateNo, name: d.name, department: d.department, reason: d.reason }),
  // 不予许可决定书 and 好差评 (#10)
  [Events.DecisionLetterIssued]: (d) => ({ letterNo: d.letterNo, deliveryId: d.deliveryId, method: d.method, departments: d.departments }),
  [Events.RatingRecorded]: (d) => ({
    ratingId: d.ratingId,
    score: d.score,
    comment: d.comment,
    caseStatus: d.caseStatus,
    followUpId: d.followUpId,
    followUpDueAt: d.followUpDueAt ? toShanghai(d.followUpDueAt) : undefined,
  }),
  [Events.RatingFollowUpClosed]: (d) => ({ followUpId: d.followUpId, ratingId: d.ratingId, note: d.note, dueAt: toShanghai(d.dueAt), overdue: d.overdue }),
  // The template and how it went; never the phone or the text (RESULT_READY_WINDOW's text holds the pickup code).
  [Events.NotificationSent]: (d) => ({ notificationId: d.notificationId, template: d.template, cause: d.cause, channel: d.channel, outcome: d.outcome, attempts: d.attempts, error: d.error }),
};

/** An event type this service does not know keeps no data at all rather than everything. */
export function summarize(e: EventEnvelope): Record<string, unknown> {
  const summary = (SUMMARIES as Record<string, ((data: unknown) => Record<string, unknown>) | undefined>)[e.type];
  const data = summary && e.data ? summary(e.data) : {};
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
