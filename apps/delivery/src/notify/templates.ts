import type { NotificationTemplate } from '#libs/contracts';

/**
 * The notifications' wording, as data: one Chinese text per template, `{name}` filled from the notification's
 * parameters. No template names the applicant or shows an ID number: an SMS may be read by someone else.
 */
export const TEMPLATES: Readonly<Record<NotificationTemplate, string>> = {
  CASE_ACCEPTED: '【政务服务中心】您申请的“{itemName}”已受理，受理编号{caseNo}，承诺于{promisedDate}前办结。可凭受理编号和证件号码后6位查询进度。',
  SUPPLEMENT_REQUESTED: '【政务服务中心】您的受理编号{caseNo}（{itemName}）需补正材料：{materials}。请携带材料到窗口办理，补正期间办理时限暂停计算。',
  CASE_APPROVED: '【政务服务中心】您的受理编号{caseNo}（{itemName}）已审批通过，正在制证，请留意后续通知。',
  CASE_REJECTED: '【政务服务中心】您的受理编号{caseNo}（{itemName}）经审查不予许可，决定书将送达您。如不服，可于60日内申请行政复议或6个月内提起行政诉讼。',
  PAYMENT_DUE: '【政务服务中心】您的受理编号{caseNo}（{itemName}）请缴纳费用{amount}，缴款通知书编号{noticeNo}，请于{dueDate}前缴纳。',
  RESULT_READY_WINDOW: '【政务服务中心】您的受理编号{caseNo}（{itemName}）办理结果已可领取，取件码{pickupCode}，请携带本人证件到政务服务中心窗口（{pickupCenter}）领取。取件码请勿告知他人。',
  RESULT_READY_COURIER: '【政务服务中心】您的受理编号{caseNo}（{itemName}）办理结果已制作完成，将通过邮寄送达，寄出后另行通知运单号。',
  DISPATCHED: '【政务服务中心】您的受理编号{caseNo}（{itemName}）办理结果已由{carrier}寄出，运单号{waybillNo}。',
  DELIVERED: '【政务服务中心】您的受理编号{caseNo}（{itemName}）办理结果已送达，签收人{signedBy}。欢迎对本次服务作出评价。',
  DELIVERY_FAILED: '【政务服务中心】您的受理编号{caseNo}（{itemName}）办理结果投递未成功{reason}，我们将再次投递或转回窗口，请留意后续通知。',
};

/** The template's text with every `{name}` replaced; a parameter that is missing leaves an empty place, never `{name}`. */
export function render(template: NotificationTemplate, params: Record<string, string | undefined>): string {
  return TEMPLATES[template].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** ¥ and two decimals, from fen. */
export function yuan(fen: number): string {
  return `${(fen / 100).toFixed(2)}元`;
}
