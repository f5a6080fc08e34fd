import type { DecisionLetterView } from '#libs/contracts';

/**
 * What the printed 不予许可决定书 says, shared by the HTML page and the PDF so both read the same. Plain text here;
 * each renderer escapes or draws it.
 */
export const LETTER_TITLE = '不予行政许可决定书';

export interface LetterPrintOptions {
  /** Display names of the departments and centers, by code; the letter carries only codes. */
  departmentNames?: Record<string, string>;
  centerName?: string;
  printedBy?: string;
  printedAt?: string;
}

/** `2026-11-30T23:59:59+08:00` → `2026年11月30日`. */
export function paperDate(shanghai: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(shanghai);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : shanghai;
}


export function departmentLabel(code: string, names: Record<string, string> = {}): string {
  const name = names[code];
  return name && name !== code ? `${name}（${code}）` : code;
}

/** The opening paragraph: who applied for what, and what was decided. */
export function opening(l: DecisionLetterView, o: LetterPrintOptions): string {
  const departments = [...new Set(l.reasons.map((r) => departmentLabel(r.department, o.departmentNames)))].join('、');
  return (
    `${l.applicantName}：你（单位）申请办理的“${l.itemName}”事项（办件编号 ${l.caseNo}），经${departments || '审查部门'}依法审查，` +
    '不符合法定条件、标准，理由如下：'
  );
}

export const LEGAL_BASIS = '依据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予行政许可。';

/** How the letter reaches the applicant. */
export function deliveryLine(l: DecisionLetterView, o: LetterPrintOptions): string {
  if (l.delivery.method === 'COURIER') return '送达方式：邮寄送达。';
  const center = o.centerName ?? l.delivery.pickupCenter ?? l.centerCode;
  return `送达方式：窗口领取（${center}），凭短信中的取件码和申请人身份证件领取。`;
}

export function issuer(l: DecisionLetterView, o: LetterPrintOptions): string {
  return o.centerName ? `${o.centerName}（${l.centerCode}）` : l.centerCode;
}

export { paperTime } from '#libs/printing';
