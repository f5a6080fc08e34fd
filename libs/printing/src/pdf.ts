import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { qrModules, type QrErrorCorrection } from './qr.js';

/**
 * PDF pages with Chinese text, drawn by `pdfkit` (pure JavaScript). The fonts come from an npm package
 * (`@expo-google-fonts/noto-sans-sc`: Google's Noto Sans SC, SIL OFL 1.1, full TrueType files), never from the
 * machine, so a page renders the same on a developer's laptop, in CI and in a container without fontconfig.
 * pdfkit embeds only the glyphs a page uses, so a one-page notice stays in the tens of kilobytes.
 */
export type PdfDocument = PDFKit.PDFDocument;

/** Font names registered on every document from `newPdfDocument`. */
export const PDF_FONT = { regular: 'cjk', bold: 'cjk-bold' } as const;

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** The two font files, read once per process (about 10 MB each) on first use. */
function cjkFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    fonts = { regular: readFileSync(require.resolve(FONT_FILES.regular)), bold: readFileSync(require.resolve(FONT_FILES.bold)) };
  }
  return fonts;
}

export interface NewPdfOptions {
  title: string;
  subject?: string;
  /** Page margin in points (1/72 inch); 42 ≈ 15 mm. */
  margin?: number;
}

/**
 * An A4 portrait document with the CJK fonts registered as `PDF_FONT.regular` / `PDF_FONT.bold` (regular selected)
 * and a fixed creation date (so the same page renders to the same bytes, which makes it testable and cacheable).
 */
export function newPdfDocument(options: NewPdfOptions): PdfDocument {
  const { regular, bold } = cjkFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: options.margin ?? 42,
    info: { Title: options.title, Subject: options.subject, Producer: 'one-window printing', CreationDate: new Date(0) },
    lang: 'zh-CN',
    displayTitle: true,
    compress: true,
    // Kept so a caller can go back over every page at the end (a watermark, "page 1 of 2").
    bufferPages: true,
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont(PDF_FONT.regular, regular);
  doc.registerFont(PDF_FONT.bold, bold);
  doc.font(PDF_FONT.regular);
  return doc;
}

/** Runs `draw` on every page drawn so far (the document buffers its pages), then returns to the last one. */
export function forEachPage(doc: PdfDocument, draw: (pageIndex: number, pageCount: number) => void): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    draw(i - start, count);
  }
}

/** Ends the document and collects its bytes. */
export function pdfToBuffer(doc: PdfDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Draws the QR code of `text` as filled squares, `size` points wide, its top-left at (x, y), with a 4-module quiet zone. */
export function drawQr(doc: PdfDocument, text: string, x: number, y: number, size: number, level: QrErrorCorrection = 'M'): void {
  const rows = qrModules(text, { errorCorrectionLevel: level });
  const quiet = 4;
  const cell = size / (rows.length + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  // One rectangle per horizontal run of dark modules: fewer path operations, no hairline seams between cells.
  rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c;
      while (end + 1 < row.length && row[end + 1]) end++;
      doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, (end - c + 1) * cell, cell);
      c = end;
    }
  });
  doc.fill('#000000');
  doc.restore();
}

export interface PdfColumn {
  header: string;
  /** Share of the table's width; the shares need not add up to anything. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface PdfTableOptions {
  columns: PdfColumn[];
  rows: string[][];
  /** Rows drawn bold after the body (a total line); a cell of `''` is left empty. */
  footer?: string[][];
  fontSize?: number;
  /** Left edge and width; the page's margins by default. */
  x?: number;
  width?: number;
  /** Omit the header row (a label/value table). */
  noHeader?: boolean;
  /** Shade the first column (labels). */
  labelColumn?: boolean;
}

const SHADE = '#eeeeee';

/**
 * A ruled table starting at the current y, rows as tall as their tallest wrapped cell; a row that does not fit on the
 * page moves to the next page with the header repeated. Leaves `doc.y` under the table.
 */
export function drawTable(doc: PdfDocument, t: PdfTableOptions): void {
  const size = t.fontSize ?? 9;
  const pad = 3.5;
  const x0 = t.x ?? doc.page.margins.left;
  const width = t.width ?? doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const total = t.columns.reduce((s, c) => s + c.weight, 0);
  const widths = t.columns.map((c) => (width * c.weight) / total);
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? PDF_FONT.bold : PDF_FONT.regular).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
  };

  const drawRow = (cells: string[], bold: boolean, shade: boolean, y: number, h: number) => {
    let x = x0;
    cells.forEach((cell, i) => {
      if (shade || (t.labelColumn && i === 0)) doc.save().rect(x, y, widths[i], h).fill(SHADE).restore();
      doc.lineWidth(0.6).rect(x, y, widths[i], h).stroke('#000000');
      doc
        .font(bold || (t.labelColumn && i === 0) ? PDF_FONT.bold : PDF_FONT.regular)
        .fontSize(size)
        .fillColor('#000000')
        .text(cell, x + pad, y + pad, { width: widths[i] - 2 * pad, align: t.columns[i].align ?? 'left', lineBreak: true });
      x += widths[i];
    });
  };

  const header = t.columns.map((c) => c.header);
  let y = doc.y;
  const putHeader = () => {
    if (t.noHeader) return;
    const h = heightOf(header, true);
    drawRow(header, true, true, y, h);
    y += h;
  };
  putHeader();
  const put = (cells: string[], bold: boolean) => {
    const h = heightOf(cells, bold);
    if (y + h > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      putHeader();
    }
    drawRow(cells, bold, false, y, h);
    y += h;
  };
  t.rows.forEach((r) => put(r, false));
  (t.footer ?? []).forEach((r) => put(r, true));
  doc.font(PDF_FONT.regular);
  doc.x = x0;
  doc.y = y;
}
