import type { NoticeView } from '#libs/contracts';
import { drawQr, drawTable, forEachPage, newPdfDocument, PDF_FONT, pdfToBuffer, type PdfDocument } from '#libs/printing';
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
import type { NoticePrintOptions } from './render-notice.js';

/**
 * The same payment notice as `renderNoticeHtml`, as an A4 PDF (pdfkit, Noto Sans SC embedded and subset): for
 * printers and archives that take a file rather than a page. Same sections, same wording (notice-text.ts).
 */
export async function renderNoticePdf(n: NoticeView, opts: NoticePrintOptions = {}): Promise<Buffer> {
  const doc = newPdfDocument({ title: `${NOTICE_TITLE} ${n.noticeNo}`, subject: `${NOTICE_SUBTITLE} ${n.caseNo}`, margin: 36 });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  // Header: title on the left, the QR code of the number on the right.
  const qrSize = 84;
  const top = doc.y;
  drawQr(doc, n.noticeNo, left + width - qrSize, top - 6, qrSize);
  doc.font(PDF_FONT.regular).fontSize(7.5).text('扫码缴费', left + width - qrSize, top - 6 + qrSize, { width: qrSize, align: 'center' });
  doc.font(PDF_FONT.bold).fontSize(19).text(NOTICE_TITLE, left, top, { width: width - qrSize - 10, characterSpacing: 4 });
  doc.font(PDF_FONT.regular).fontSize(11).text(NOTICE_SUBTITLE, { width: width - qrSize - 10, characterSpacing: 6 });
  doc.moveDown(0.3);
  doc.font(PDF_FONT.bold).fontSize(17).text(`No. ${n.noticeNo}`, { width: width - qrSize - 10, characterSpacing: 1 });
  doc.x = left;
  doc.y = Math.max(doc.y, top + qrSize + 14);

  const banner = statusBanner(n);
  if (banner) {
    doc.font(PDF_FONT.bold).fontSize(10.5);
    const h = doc.heightOfString(banner, { width: width - 16 }) + 12;
    const y = doc.y;
    doc.save().lineWidth(1.5).rect(left, y, width, h).stroke('#b00000').restore();
    doc.fillColor('#b00000').text(banner, left + 8, y + 6, { width: width - 16 });
    doc.fillColor('#000000');
    doc.x = left;
    doc.y = y + h + 8;
  }

  const info: string[][] = [
    ['通知书编号', n.noticeNo],
    ['办件编号', n.caseNo],
    ['办理事项', n.itemName ?? ''],
    ['开具时间', paperTime(n.issuedAt)],
    ['有效期至', n.expiresAt ? paperTime(n.expiresAt) : '—'],
    ['状态', STATUS_NAMES[n.status] ?? n.status],
  ];
  if (opts.centerName || n.centerCode) info.push(['开具单位', opts.centerName ? `${opts.centerName}${n.centerCode ? `（${n.centerCode}）` : ''}` : n.centerCode!]);
  if (n.replaces) info.push(['补开说明', `本通知书替代已过期的通知书 ${n.replaces}`]);
  drawTable(doc, { columns: [{ header: '', weight: 1 }, { header: '', weight: 4 }], rows: info, noHeader: true, labelColumn: true, fontSize: 9.5 });

  section(doc, '收费明细');
  drawTable(doc, {
    columns: [
      { header: '序号', weight: 0.6, align: 'center' },
      { header: '项目', weight: 3 },
      { header: '收费部门', weight: 2.6 },
      { header: '数量', weight: 0.7, align: 'center' },
      { header: '金额', weight: 1.5, align: 'right' },
    ],
    rows: n.items.map((l, i) => [String(i + 1), `${l.name}（${l.code}）`, departmentLabel(l), String(l.quantity ?? 1), yuan(l.amountFen)]),
    footer: [['', '合计', '', '', yuan(n.totalFen)]],
  });

  section(doc, '收款单位及账户（分账）');
  drawTable(doc, {
    columns: [
      { header: '收费部门', weight: 2 },
      { header: '收款单位（账户名）', weight: 2.4 },
      { header: '开户行', weight: 2.2 },
      { header: '账号', weight: 2.3 },
      { header: '应缴金额', weight: 1.3, align: 'right' },
    ],
    rows: splitOf(n).map((d) =>
      d.payee
        ? [departmentLabel(d), d.payee.accountName, d.payee.bank, d.payee.accountNo, yuan(d.amountFen)]
        : [departmentLabel(d), NO_PAYEE, '', '', yuan(d.amountFen)],
    ),
  });

  section(doc, '缴款金额');
  drawTable(doc, {
    columns: [{ header: '', weight: 1 }, { header: '', weight: 4 }],
    rows: [
      ['小写', yuan(n.totalFen)],
      ['大写', capitals(n.totalFen)],
    ],
    noHeader: true,
    labelColumn: true,
    fontSize: 11,
  });

  section(doc, '缴费方式');
  doc.font(PDF_FONT.regular).fontSize(9);
  howToPay(n, opts.centerName).forEach((s, i) => doc.text(`${i + 1}. ${s}`, left, doc.y, { width, paragraphGap: 2 }));

  doc.moveDown(1.2);
  const printed = [opts.printedBy ? `打印人：${opts.printedBy}` : '', opts.printedAt ? `打印时间：${paperTime(opts.printedAt)}` : ''].filter(Boolean).join('　');
  const y = doc.y;
  doc.fontSize(9).text(printed, left, y, { width: width * 0.62 });
  doc.text(`开具单位（盖章）：${opts.centerName ?? n.centerCode ?? ''}`, left + width * 0.62, y, { width: width * 0.38, align: 'right' });

  const watermark = WATERMARKS[n.status];
  forEachPage(doc, (i, count) => {
    if (watermark) stamp(doc, watermark);
    if (count > 1) {
      // In the bottom margin: lift the margin while writing there, or pdfkit would start a new page for it.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font(PDF_FONT.regular).fontSize(8).text(`${n.noticeNo}　第 ${i + 1} 页 / 共 ${count} 页`, left, doc.page.height - bottom + 12, { width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  });
  return pdfToBuffer(doc);
}

function section(doc: PdfDocument, title: string): void {
  doc.moveDown(0.6);
  if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.font(PDF_FONT.bold).fontSize(11).text(title, doc.page.margins.left, doc.y);
  doc.moveDown(0.2);
}

/** The watermark across the middle of the page, drawn over the finished page: faint, rotated. */
function stamp(doc: PdfDocument, word: string): void {
  const cx = doc.page.width / 2;
  const cy = doc.page.height / 2;
  doc.save();
  doc.rotate(-28, { origin: [cx, cy] });
  doc.font(PDF_FONT.bold).fontSize(110).fillColor('#be0000').fillOpacity(0.14);
  doc.text(word, 0, cy - 70, { width: doc.page.width, align: 'center', lineBreak: false, characterSpacing: 20 });
  doc.restore();
  doc.fillColor('#000000').fillOpacity(1).font(PDF_FONT.regular);
}
