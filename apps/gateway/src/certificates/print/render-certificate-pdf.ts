import type { CertificateView } from '#libs/contracts';
import { drawQr, drawTable, newPdfDocument, PDF_FONT, pdfToBuffer } from '#libs/printing';
import { certificateRows, REVOKED_WATERMARK, revokedBanner, VERIFY_HINT } from './certificate-text.js';
import type { CertificatePrintOptions } from './render-certificate.js';

/** The same certificate as `renderCertificateHtml`, as an A4 PDF (pdfkit, CJK font embedded). */
export async function renderCertificatePdf(c: CertificateView, opts: CertificatePrintOptions = {}): Promise<Buffer> {
  const doc = newPdfDocument({ title: `${c.name} ${c.certificateNo}`, subject: c.itemName ?? c.name, margin: 48 });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font(PDF_FONT.bold).fontSize(24).text(c.name, left, doc.y, { width, align: 'center', characterSpacing: 6 });
  doc.moveDown(0.3);
  doc.font(PDF_FONT.bold).fontSize(13).text(`No. ${c.certificateNo}`, { width, align: 'center' });
  doc.moveDown(0.8);

  const banner = revokedBanner(c);
  if (banner) {
    doc.font(PDF_FONT.bold).fontSize(11).fillColor('#b00000').text(banner, left, doc.y, { width });
    doc.fillColor('#000000').moveDown(0.5);
  }
  drawTable(doc, { columns: [{ header: '', weight: 1 }, { header: '', weight: 4 }], rows: certificateRows(c), noHeader: true, labelColumn: true, fontSize: 11 });

  if (c.signedPayload) {
    const size = 150;
    doc.moveDown(1);
    const y = doc.y;
    drawQr(doc, c.signedPayload, left + (width - size) / 2, y, size, 'L');
    doc.font(PDF_FONT.regular).fontSize(8).text(`扫码验证 · ${c.certificateNo}`, left, y + size + 4, { width, align: 'center' });
  }
  doc.moveDown(0.8);
  doc.font(PDF_FONT.regular).fontSize(8.5).text(VERIFY_HINT, left, doc.y, { width });
  doc.moveDown(1.2);
  const printed = [opts.printedBy ? `打印人：${opts.printedBy}` : '', opts.printedAt ? `打印时间：${opts.printedAt}` : ''].filter(Boolean).join('　');
  const y = doc.y;
  doc.fontSize(9).text(printed, left, y, { width: width * 0.6 });
  doc.text(`发证机关（盖章）：${c.department}`, left + width * 0.6, y, { width: width * 0.4, align: 'right' });

  if (banner) {
    const cx = doc.page.width / 2;
    const cy = doc.page.height / 2;
    doc.save();
    doc.rotate(-28, { origin: [cx, cy] });
    doc.font(PDF_FONT.bold).fontSize(100).fillColor('#be0000').fillOpacity(0.14);
    doc.text(REVOKED_WATERMARK, 0, cy - 60, { width: doc.page.width, align: 'center', lineBreak: false, characterSpacing: 20 });
    doc.restore();
  }
  return pdfToBuffer(doc);
}
