import type { DecisionLetterView } from '#libs/contracts';
import { drawQr, drawTable, newPdfDocument, PDF_FONT, pdfToBuffer } from '#libs/printing';
import { deliveryLine, departmentLabel, issuer, LEGAL_BASIS, LETTER_TITLE, opening, paperDate, paperTime, type LetterPrintOptions } from './letter-text.js';

/** The same letter as `renderLetterHtml`, as an A4 PDF (pdfkit, Noto Sans SC embedded and subset). Same wording (letter-text.ts). */
export async function renderLetterPdf(l: DecisionLetterView, o: LetterPrintOptions = {}): Promise<Buffer> {
  const doc = newPdfDocument({ title: `${LETTER_TITLE} ${l.letterNo}`, subject: l.caseNo, margin: 48 });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const qrSize = 76;
  const top = doc.y;
  drawQr(doc, l.letterNo, left + width - qrSize, top - 6, qrSize);
  doc.font(PDF_FONT.bold).fontSize(19).text(LETTER_TITLE, left, top, { width: width - qrSize - 10, characterSpacing: 3 });
  doc.moveDown(0.3);
  doc.font(PDF_FONT.bold).fontSize(13).text(l.letterNo, { width: width - qrSize - 10 });
  doc.x = left;
  doc.y = Math.max(doc.y, top + qrSize + 10);

  const paragraph = (text: string) => doc.font(PDF_FONT.regular).fontSize(11).text(text, left, doc.y, { width, indent: 22, lineGap: 3, paragraphGap: 4 });
  const heading = (text: string) => {
    doc.moveDown(0.5);
    doc.font(PDF_FONT.bold).fontSize(12).text(text, left, doc.y, { width });
    doc.moveDown(0.2);
  };

  paragraph(opening(l, o));
  heading('不予许可的理由');
  drawTable(doc, {
    columns: [
      { header: '序号', weight: 0.6, align: 'center' },
      { header: '审查部门', weight: 2.2 },
      { header: '理由', weight: 5 },
      { header: '决定时间', weight: 2.2 },
    ],
    rows: l.reasons.map((r, i) => [String(i + 1), departmentLabel(r.department, o.departmentNames), r.reason, paperTime(r.decidedAt)]),
    fontSize: 10,
  });
  doc.moveDown(0.4);
  paragraph(LEGAL_BASIS);
  heading('救济途径');
  l.remedies.forEach((s, i) => doc.font(PDF_FONT.regular).fontSize(11).text(`${i + 1}. ${s}`, left, doc.y, { width, lineGap: 3, paragraphGap: 3 }));
  doc.moveDown(0.4);
  paragraph(deliveryLine(l, o));
  doc.moveDown(1.5);
  doc.font(PDF_FONT.regular).fontSize(11).text(`${issuer(l, o)}（盖章）`, left, doc.y, { width, align: 'right' });
  doc.text(paperDate(l.issuedAt), left, doc.y, { width, align: 'right' });
  doc.moveDown(1.5);
  const printed = [o.printedBy ? `打印人：${o.printedBy}` : '', o.printedAt ? `打印时间：${paperTime(o.printedAt)}` : ''].filter(Boolean).join('　');
  doc.fontSize(9).text(`${printed}　办件编号 ${l.caseNo}`, left, doc.y, { width });
  return pdfToBuffer(doc);
}
