import type { DispatchBatchView } from '#libs/contracts';
import { escapeHtml, drawTable, newPdfDocument, PDF_FONT, pdfToBuffer, forEachPage } from '#libs/printing';

/**
 * 邮件交接清单: the list the courier desk prints for a dispatch batch and the carrier's pick-up agent signs. It names
 * each recipient and their phone in full, because the parcels are labelled and handed over from it; it is marked
 * internal, sent with no-store, and printed by the courier desk only. Every other answer masks the phone.
 */
export const DISPATCH_LIST_TITLE = '邮寄送达交接清单';
export const CONFIDENTIAL = '内部资料 · 含个人信息 · 交接后妥善保管，不得外传';

export interface DispatchListOptions {
  printedBy?: string;
  printedAt?: string;
}

const COLUMNS = ['序号', '运单号', '办件编号', '收件人', '联系电话', '收件地址', '投递次数'] as const;

function rows(b: DispatchBatchView): string[][] {
  return b.items.map((i, n) => [String(n + 1), i.waybillNo, i.caseNo, i.recipient, i.phone, i.address, `第 ${i.attempt} 次`]);
}

export function renderDispatchListHtml(b: DispatchBatchView, opts: DispatchListOptions = {}): string {
  const head = COLUMNS.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows(b)
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(DISPATCH_LIST_TITLE)} ${escapeHtml(b.batchId)}</title>
<style>
  body { font-family: "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 15mm; color: #000; }
  h1 { font-size: 20pt; letter-spacing: 4px; margin: 0 0 4px; }
  .confidential { color: #b00000; font-weight: bold; margin: 4px 0 10px; }
  table { border-collapse: collapse; width: 100%; font-size: 10pt; }
  th, td { border: 1px solid #000; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #eee; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 10px; }
  dt { font-weight: bold; }
  .sign { margin-top: 24px; display: flex; gap: 48px; }
  @media print { body { margin: 10mm; } }
</style>
</head>
<body>
<h1>${escapeHtml(DISPATCH_LIST_TITLE)}</h1>
<p class="confidential">${escapeHtml(CONFIDENTIAL)}</p>
<dl>
  <dt>批次号</dt><dd>${escapeHtml(b.batchId)}</dd>
  <dt>承运商</dt><dd>${escapeHtml(b.carrier)}</dd>
  <dt>交寄时间</dt><dd>${escapeHtml(b.createdAt)}</dd>
  <dt>经办人</dt><dd>${escapeHtml(b.createdBy)}</dd>
  <dt>件数</dt><dd>${b.items.length}</dd>
</dl>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<div class="sign"><span>交寄人签字：__________</span><span>揽收人签字：__________</span><span>揽收时间：__________</span></div>
${opts.printedAt || opts.printedBy ? `<p>打印：${escapeHtml(opts.printedBy ?? '')} ${escapeHtml(opts.printedAt ?? '')}</p>` : ''}
</body>
</html>
`;
}

export async function renderDispatchListPdf(b: DispatchBatchView, opts: DispatchListOptions = {}): Promise<Buffer> {
  const doc = newPdfDocument({ title: `${DISPATCH_LIST_TITLE} ${b.batchId}`, subject: b.carrier, margin: 36 });
  doc.font(PDF_FONT.bold).fontSize(18).text(DISPATCH_LIST_TITLE, { characterSpacing: 4 });
  doc.font(PDF_FONT.bold).fontSize(9).fillColor('#b00000').text(CONFIDENTIAL).fillColor('#000000');
  doc.moveDown(0.5);
  drawTable(doc, {
    columns: [
      { header: '', weight: 1 },
      { header: '', weight: 4 },
    ],
    rows: [
      ['批次号', b.batchId],
      ['承运商', b.carrier],
      ['交寄时间', b.createdAt],
      ['经办人', b.createdBy],
      ['件数', String(b.items.length)],
    ],
    noHeader: true,
    labelColumn: true,
  });
  doc.moveDown(0.8);
  drawTable(doc, {
    columns: [
      { header: COLUMNS[0], weight: 0.6, align: 'center' },
      { header: COLUMNS[1], weight: 2.4 },
      { header: COLUMNS[2], weight: 2.6 },
      { header: COLUMNS[3], weight: 1.2 },
      { header: COLUMNS[4], weight: 1.8 },
      { header: COLUMNS[5], weight: 4 },
      { header: COLUMNS[6], weight: 1 },
    ],
    rows: rows(b),
    fontSize: 8.5,
  });
  doc.moveDown(1.5);
  doc.font(PDF_FONT.regular).fontSize(10).text('交寄人签字：__________        揽收人签字：__________        揽收时间：__________');
  if (opts.printedAt || opts.printedBy) doc.moveDown(0.5).fontSize(8).text(`打印：${opts.printedBy ?? ''} ${opts.printedAt ?? ''}`);
  forEachPage(doc, (i, n) => {
    // In the bottom margin: lift the margin while writing there, or pdfkit would start a new page for it.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(PDF_FONT.regular).fontSize(8).text(`${b.batchId}　第 ${i + 1} 页 / 共 ${n} 页`, doc.page.margins.left, doc.page.height - bottom + 12, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  });
  return pdfToBuffer(doc);
}
