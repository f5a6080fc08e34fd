import type { DepartmentAmount, NoticeStatus, NoticeView } from '#libs/contracts';
import { amountInChineseCapitals, formatYuan, paperTime } from '#libs/printing';

/**
 * What the printed payment notice says, shared by the HTML page and the PDF so both read the same. Plain text here;
 * each renderer escapes or draws it.
 */
export const NOTICE_TITLE = '非税收入缴款通知书';
export const NOTICE_SUBTITLE = '缴费通知书';

export const STATUS_NAMES: Record<NoticeStatus, string> = {
  UNPAID: '待缴费',
  EXPIRED: '已过期',
  PAID: '已缴费',
  VOID: '已作废',
  REFUND_DUE: '已缴费（待退费）',
  REFUNDED: '已退费',
};

/** The word stamped across a notice that must not be paid (again); none on a payable one. */
export const WATERMARKS: Partial<Record<NoticeStatus, string>> = {
  EXPIRED: '已过期',
  PAID: '已缴费',
  VOID: '作废',
  REFUND_DUE: '已缴费',
  REFUNDED: '已退费',
};


/** ¥ in figures, grouped: ¥1,000,000.01. */
export const yuan = (fen: number) => `¥${formatYuan(fen, { thousands: true })}`;

/** 人民币 + 大写金额, as a bank slip writes it: 人民币玖拾元整. */
export const capitals = (fen: number) => `人民币${amountInChineseCapitals(fen)}`;

/** The department's display name with its code: 市场监督管理局（SAMR）. */
export const departmentLabel = (d: { department: string; departmentName?: string }) =>
  d.departmentName && d.departmentName !== d.department ? `${d.departmentName}（${d.department}）` : d.department;

/** Shown where a department has no payee account on file: the money then goes through the finance window. */
export const NO_PAYEE = '收款账户未登记，请到中心财务窗口缴纳';

/** The split per collecting department (分账), in the order the service gives it. */
export function splitOf(n: NoticeView): DepartmentAmount[] {
  if (n.split?.length) return n.split;
  // A notice written before the split existed: one row per department from its lines.
  const byDept = new Map<string, DepartmentAmount>();
  for (const l of n.items) {
    const d = byDept.get(l.department) ?? { department: l.department, departmentName: l.departmentName, amountFen: 0, payee: l.payee };
    d.amountFen += l.amountFen;
    byDept.set(l.department, d);
  }
  return [...byDept.values()];
}

/**
 * The status banner: why this notice must not be paid, or what to do instead. Undefined for a payable notice.
 */
export function statusBanner(n: NoticeView): string | undefined {
  switch (n.status) {
    case 'UNPAID':
      return undefined;
    case 'EXPIRED':
      return `本通知书已于 ${paperTime(n.expiresAt)} 过期，不能再缴费。请到中心财务窗口重新开具缴费通知书。`;
    case 'VOID':
      return n.replacedBy
        ? `本通知书已作废，不能缴费。已由新通知书 ${n.replacedBy} 替代，请按新通知书缴费。`
        : `本通知书已作废，不能缴费${n.closeReason ? `（${n.closeReason}）` : ''}。`;
    case 'PAID':
      return `本通知书已于 ${paperTime(n.paidAt)} 缴清 ${yuan(n.paidFen)}，请勿重复缴费。`;
    case 'REFUND_DUE':
      return `本通知书已缴费 ${yuan(n.paidFen)}，办件已撤回，应退 ${yuan(n.paidFen - n.refundedFen)}（已退 ${yuan(n.refundedFen)}），请勿再缴费。`;
    case 'REFUNDED':
      return `本通知书已缴费 ${yuan(n.paidFen)}，已全额退还 ${yuan(n.refundedFen)}，不能再缴费。`;
    default:
      return `本通知书状态为 ${String(n.status)}，请到中心财务窗口核实后再缴费。`;
  }
}

/** 缴费方式: the ways to pay, each one sentence, and what to keep. */
export function howToPay(n: NoticeView, centerName?: string): string[] {
  const center = centerName ?? (n.centerCode ? `便民服务中心（${n.centerCode}）` : '便民服务中心');
  const until = n.expiresAt ? `请于 ${paperTime(n.expiresAt)} 前缴费，逾期本通知书失效，需到财务窗口重新开具。` : '请尽快缴费。';
  return [
    `窗口缴费：持本通知书到${center}财务窗口缴纳（现金、银行卡、扫码均可）。`,
    `银行缴费：到任一代收银行柜台，或登录网上银行、手机银行的“非税收入缴款”栏目，报通知书编号 ${n.noticeNo} 缴款。`,
    '扫码缴费：用手机银行或中心自助缴费终端扫描本通知书上的二维码（内容为通知书编号），核对编号与金额后缴款。',
    `金额须与本通知书合计一致（${yuan(n.totalFen)}），不接受多缴或少缴；款项按上表分别划入各收款单位账户，由中心统一对账。`,
    until,
    '缴费后请妥善保管银行回单或缴款收据，领取办理结果时可能需要出示；如需退费，凭收据到财务窗口办理。',
  ];
}

export { paperTime };
