import type { ReceiptView } from '#libs/contracts';
import { amountInChineseCapitals, escapeHtml, formatYuan, paperTime } from '#libs/printing';

export { escapeHtml };
/** The receipt's times on paper (the one rule in #libs/printing). */
export const shanghaiForPaper = paperTime;

const CASE_TYPE_NAMES: Record<string, string> = { IMMEDIATE: '即办件', PROMISED: '承诺件', JOINT: '联办件', REPORTED: '上报件' };
const LEVEL_NAMES: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇级', village: '村级' };


/**
 * 受理通知书: the acceptance receipt handed to the applicant, as a printable page. Applicant's ID number and phone are
 * masked (intake masks them; the page never sees them whole). `clerkName` is the display name of the accepting user.
 */
export function renderReceipt(r: ReceiptView, clerkName?: string): string {
  const e = escapeHtml;
  const row = (label: string, value: string) => `<tr><th>${e(label)}</th><td>${value}</td></tr>`;
  const list = (items: string[]) => (items.length ? `<ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol>` : '<p>无</p>');
  const rows = [
    row('办件编号', `<strong class="case-no">${e(r.caseNo)}</strong>`),
    row('申请事项', `${e(r.itemName)}（${e(r.itemCode)}，第 ${e(r.itemVersion)} 版）`),
    row('办件类型', `${e(CASE_TYPE_NAMES[r.caseType] ?? r.caseType)}`),
    row('申请人', e(r.applicant.name)),
    row(r.applicant.idType === 'USCC' ? '统一社会信用代码' : '身份证号码', e(r.applicant.idNumber)),
    row('联系电话', e(r.applicant.phone)),
    row('受理时间', e(shanghaiForPaper(r.acceptedAt))),
    row('承诺办结时限', e(shanghaiForPaper(r.promisedDeadline))),
    row('法定办结时限', e(shanghaiForPaper(r.legalDeadline))),
  ];
  if (r.feeEstimate) {
    const f = r.feeEstimate;
    rows.push(row('预计收费', f.totalFen === 0 ? '不收费' : `¥${e(formatYuan(f.totalFen))}（${e(amountInChineseCapitals(f.totalFen))}），批准后开具缴费通知书，以缴费通知书为准`));
  }
  if (r.decidingAuthority) {
    const a = r.decidingAuthority;
    rows.push(row('审批机关', `${e(LEVEL_NAMES[a.level] ?? a.level)} ${e(a.departmentName ?? a.department)}（${e(a.department)}）`));
  }
  if (r.immediateDecision) {
    const d = r.immediateDecision;
    rows.push(row('当场办结', `${d.decision === 'APPROVE' ? '准予' : '不予'}${d.opinion ? `：${e(d.opinion)}` : ''}（首席代表 ${e(d.decidedBy)}）`));
  }
  const received = r.received.map((m) => `${e(m.name)}（${e(m.code)}）`);
  const pending = r.pending.map((m) => `${e(m.name)}${m.code ? `（${e(m.code)}）` : ''}`);
  const pendingPart = r.pending.length
    ? `<h2>容缺受理：待补材料</h2>${list(pending)}<p class="due">请于 ${e(shanghaiForPaper(r.pendingDueAt))} 前补齐；补齐前不予发放办理结果。</p>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>受理通知书 ${e(r.caseNo)}</title>
<style>
body { font-family: "SimSun", "Songti SC", serif; max-width: 720px; margin: 2em auto; color: #000; }
h1 { text-align: center; letter-spacing: .5em; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: .4em .6em; text-align: left; vertical-align: top; }
th { width: 9em; white-space: nowrap; }
.sign { margin-top: 3em; text-align: right; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>受理通知书</h1>
${r.status === 'WITHDRAWN' ? '<p class="void"><strong>本件已由申请人撤回。</strong></p>\n' : ''}<p>您（单位）提交的申请材料已收悉，经审查符合受理条件，决定予以受理。请凭办件编号查询办理进度。</p>
<table>
${rows.join('\n')}
</table>
<h2>已收材料</h2>
${list(received)}
${pendingPart}
<div class="sign">
<p>受理单位：${e(r.center.name)}（${e(r.center.code)}）</p>
<p>受理人：${e(clerkName && clerkName !== r.acceptedBy ? `${clerkName}（${r.acceptedBy}）` : r.acceptedBy)}</p>
<p>${e(shanghaiForPaper(r.acceptedAt))}</p>
</div>
</body>
</html>
`;
}
