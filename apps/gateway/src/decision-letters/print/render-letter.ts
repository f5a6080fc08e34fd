import type { DecisionLetterView } from '#libs/contracts';
import { escapeHtml as e, qrSvg } from '#libs/printing';
import { deliveryLine, departmentLabel, issuer, LEGAL_BASIS, LETTER_TITLE, opening, paperDate, paperTime, type LetterPrintOptions } from './letter-text.js';

/**
 * 不予行政许可决定书 as a complete printable A4 HTML page: the number (also as a QR code, inline SVG, so the page needs
 * nothing from outside under `default-src 'none'`), the addressee, every deciding department's reasons, the legal
 * basis, the remedies (行政复议 within 60 days, 行政诉讼 within 6 months) and how it is served. Every value is escaped.
 */
export async function renderLetterHtml(l: DecisionLetterView, o: LetterPrintOptions = {}): Promise<string> {
  const qr = await qrSvg(l.letterNo);
  const reasons = l.reasons
    .map(
      (r, i) =>
        `<tr><td class="num">${i + 1}</td><td>${e(departmentLabel(r.department, o.departmentNames))}</td><td>${e(r.reason)}</td>` +
        `<td class="when">${e(paperTime(r.decidedAt))}</td></tr>`,
    )
    .join('\n');
  const remedies = l.remedies.map((s) => `<li>${e(s)}</li>`).join('\n');
  const printed = [o.printedBy ? `打印人：${o.printedBy}` : '', o.printedAt ? `打印时间：${paperTime(o.printedAt)}` : ''].filter(Boolean).join('　');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(LETTER_TITLE)} ${e(l.letterNo)}</title>
<style>
@page { size: A4 portrait; margin: 15mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", "Microsoft YaHei", serif; font-size: 12pt; line-height: 1.7;
  max-width: 178mm; margin: 2em auto; color: #000; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 1em; }
h1 { font-size: 20pt; letter-spacing: .25em; margin: 0; }
h2 { font-size: 12.5pt; margin: 1em 0 .3em; }
.letter-no { font: bold 15pt/1.3 "Courier New", monospace; margin: .4em 0 0; }
.qr { text-align: center; font-size: 9pt; margin: 0; }
.qr svg { width: 28mm; height: 28mm; display: block; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: .3em .5em; text-align: left; vertical-align: top; }
thead th { background: #f3f3f3; white-space: nowrap; }
.num { text-align: center; white-space: nowrap; width: 3em; }
.when { white-space: nowrap; font-size: 10pt; }
p.indent { text-indent: 2em; margin: .4em 0; }
ol.remedies li { margin: .3em 0; }
.seal { margin-top: 2.5em; text-align: right; }
footer { margin-top: 2em; font-size: 9.5pt; color: #333; display: flex; justify-content: space-between; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } tr, li, .seal { break-inside: avoid; } }
</style>
</head>
<body>
<header>
<div>
<h1>${e(LETTER_TITLE)}</h1>
<p class="letter-no">${e(l.letterNo)}</p>
</div>
<figure class="qr" aria-label="决定书编号二维码">${qr}<figcaption>${e(l.letterNo)}</figcaption></figure>
</header>
<p class="indent">${e(opening(l, o))}</p>
<h2>不予许可的理由</h2>
<table class="reasons">
<thead><tr><th class="num">序号</th><th>审查部门</th><th>理由</th><th>决定时间</th></tr></thead>
<tbody>
${reasons}
</tbody>
</table>
<p class="indent">${e(LEGAL_BASIS)}</p>
<h2>救济途径</h2>
<ol class="remedies">
${remedies}
</ol>
<p>${e(deliveryLine(l, o))}</p>
<div class="seal">
<p>${e(issuer(l, o))}（盖章）</p>
<p>${e(paperDate(l.issuedAt))}</p>
</div>
<footer><span>${e(printed)}</span><span>办件编号 ${e(l.caseNo)}</span></footer>
</body>
</html>
`;
}
