import type { NoticeView } from '#libs/contracts';
import { escapeHtml as e, qrSvg } from '#libs/printing';
import {
  capitals,
  departmentLabel,
  howToPay,
  NO_PAYEE,
  NOTICE_SUBTITLE,
  NOTICE_TITLE,
  paperTime,
  splitOf,
  STATUS_NAMES,
  statusBanner,
  WATERMARKS,
  yuan,
} from './notice-text.js';

export interface NoticePrintOptions {
  /** The center's display name; the notice carries only its code. */
  centerName?: string;
  /** Who printed the page and when (`2026-11-24T10:00:00+08:00`), in the footer. */
  printedBy?: string;
  printedAt?: string;
}

/**
 * 非税收入缴款通知书 (缴费通知书): the payment notice handed to the applicant, as a complete printable A4 HTML page.
 * The notice number is printed large and as a QR code (inline SVG, so the page needs nothing from outside and works
 * under `default-src 'none'`); the lines, the split per collecting department with each payee account, the total in
 * figures and in capitals, and how to pay. A notice that must not be paid (expired, void, paid, refunded) carries a
 * banner saying why and a watermark across the page. Every value is escaped.
 */
export async function renderNoticeHtml(n: NoticeView, opts: NoticePrintOptions = {}): Promise<string> {
  const qr = await qrSvg(n.noticeNo);
  const row = (label: string, value: string) => `<tr><th>${e(label)}</th><td>${value}</td></tr>`;
  const info = [
    row('通知书编号', `<span class="mono">${e(n.noticeNo)}</span>`),
    row('办件编号', `<span class="mono">${e(n.caseNo)}</span>`),
    row('办理事项', e(n.itemName ?? '')),
    row('开具时间', e(paperTime(n.issuedAt))),
    row('有效期至', n.expiresAt ? `<strong>${e(paperTime(n.expiresAt))}</strong>` : '—'),
    row('状态', e(STATUS_NAMES[n.status] ?? n.status)),
  ];
  if (opts.centerName || n.centerCode) {
    info.push(row('开具单位', e(opts.centerName ? `${opts.centerName}${n.centerCode ? `（${n.centerCode}）` : ''}` : n.centerCode)));
  }
  if (n.replaces) info.push(row('补开说明', `本通知书替代已过期的通知书 <span class="mono">${e(n.replaces)}</span>`));

  const lines = n.items
    .map(
      (l, i) =>
        `<tr><td class="num">${i + 1}</td><td>${e(l.name)}<div class="code">${e(l.code)}</div></td><td>${e(departmentLabel(l))}</td>` +
        `<td class="num">${e(l.quantity ?? 1)}</td><td class="amount">${e(yuan(l.amountFen))}</td></tr>`,
    )
    .join('\n');

  const split = splitOf(n)
    .map((d) => {
      const p = d.payee;
      const account = p
        ? `<td>${e(p.accountName)}</td><td>${e(p.bank)}</td><td class="mono account">${e(p.accountNo)}</td>`
        : `<td colspan="3" class="missing">${e(NO_PAYEE)}</td>`;
      return `<tr><td>${e(departmentLabel(d))}</td>${account}<td class="amount">${e(yuan(d.amountFen))}</td></tr>`;
    })
    .join('\n');

  const banner = statusBanner(n);
  const watermark = WATERMARKS[n.status];
  const printed = [opts.printedBy ? `打印人：${opts.printedBy}` : '', opts.printedAt ? `打印时间：${paperTime(opts.printedAt)}` : '']
    .filter(Boolean)
    .join('　');

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(NOTICE_TITLE)} ${e(n.noticeNo)}</title>
<style>
@page { size: A4 portrait; margin: 12mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", "Microsoft YaHei", serif; font-size: 11pt; line-height: 1.5;
  max-width: 180mm; margin: 2em auto; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 1em; }
h1 { font-size: 20pt; letter-spacing: .3em; margin: 0; }
h1 small { display: block; font-size: 13pt; letter-spacing: .5em; font-weight: normal; }
h2 { font-size: 12pt; margin: 1.2em 0 .4em; border-left: 4px solid #000; padding-left: .4em; }
.notice-no { font: bold 20pt/1.2 "Courier New", monospace; letter-spacing: .08em; margin: .4em 0 0; }
.qr { text-align: center; font-size: 9pt; }
.qr svg { width: 32mm; height: 32mm; display: block; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: .3em .5em; text-align: left; vertical-align: top; }
table.info th { width: 7em; white-space: nowrap; background: #f3f3f3; }
thead th { background: #f3f3f3; white-space: nowrap; }
.num { text-align: center; white-space: nowrap; }
.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.mono { font-family: "Courier New", monospace; }
.account { white-space: nowrap; letter-spacing: .02em; }
table.split thead th:nth-child(1) { width: 19%; } table.split thead th:nth-child(2) { width: 24%; }
table.split thead th:nth-child(3) { width: 21%; } table.split thead th:nth-child(4) { width: 24%; }
.code { font-size: 8pt; color: #444; }
.missing { color: #a00; }
.total td, .total th { font-weight: bold; }
.capitals { font-size: 13pt; letter-spacing: .1em; }
.banner { border: 2px solid #b00; color: #b00; padding: .5em .8em; margin: .8em 0; font-weight: bold; }
.watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: bold; color: rgba(190, 0, 0, .16);
  transform: rotate(-28deg); pointer-events: none; z-index: 10; letter-spacing: .2em; }
ol.pay li { margin: .2em 0; }
footer { margin-top: 2em; display: flex; justify-content: space-between; font-size: 10pt; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; line-height: 1.35; }
  h1 { font-size: 18pt; }
  h2 { font-size: 10.5pt; margin: .7em 0 .3em; break-after: avoid; }
  th, td { padding: .2em .4em; }
  .qr svg { width: 28mm; height: 28mm; }
  .notice-no { font-size: 17pt; }
  .banner { margin: .5em 0; }
  tr, .banner, footer, ol.pay li { break-inside: avoid; }
  footer { margin-top: .8em; }
  ol.pay { margin: .3em 0; }
  ol.pay li { margin: 0; }
}
</style>
</head>
<body>
${watermark ? `<div class="watermark" aria-hidden="true">${e(watermark)}</div>\n` : ''}<header>
<div>
<h1>${e(NOTICE_TITLE)}<small>${e(NOTICE_SUBTITLE)}</small></h1>
<p class="notice-no">No. ${e(n.noticeNo)}</p>
</div>
<figure class="qr" aria-label="通知书编号二维码">${qr}<figcaption>扫码缴费 · ${e(n.noticeNo)}</figcaption></figure>
</header>
${banner ? `<p class="banner" role="alert">${e(banner)}</p>\n` : ''}<table class="info">
${info.join('\n')}
</table>
<h2>收费明细</h2>
<table class="lines">
<thead><tr><th class="num">序号</th><th>项目</th><th>收费部门</th><th class="num">数量</th><th class="amount">金额</th></tr></thead>
<tbody>
${lines}
</tbody>
<tfoot><tr class="total"><th colspan="4">合计</th><td class="amount">${e(yuan(n.totalFen))}</td></tr></tfoot>
</table>
<h2>收款单位及账户（分账）</h2>
<table class="split">
<thead><tr><th>收费部门</th><th>收款单位（账户名）</th><th>开户行</th><th>账号</th><th class="amount">应缴金额</th></tr></thead>
<tbody>
${split}
</tbody>
</table>
<h2>缴款金额</h2>
<table class="info total-box">
<tr class="total"><th>小写</th><td class="amount-figures">${e(yuan(n.totalFen))}</td></tr>
<tr class="total"><th>大写</th><td class="capitals">${e(capitals(n.totalFen))}</td></tr>
</table>
<h2>缴费方式</h2>
<ol class="pay">
${howToPay(n, opts.centerName)
  .map((s) => `<li>${e(s)}</li>`)
  .join('\n')}
</ol>
<footer>
<span>${e(printed)}</span>
<span>开具单位（盖章）：${e(opts.centerName ?? n.centerCode ?? '')}</span>
</footer>
</body>
</html>
`;
}
