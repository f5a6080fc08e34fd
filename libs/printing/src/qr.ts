import QRCode from 'qrcode';

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

export interface QrOptions {
  /** Error correction: M (15 %) by default, which survives a crease or a stamp on paper. */
  errorCorrectionLevel?: QrErrorCorrection;
  /** Quiet zone in modules; the QR standard asks for 4, printers that crop tightly need it. */
  margin?: number;
}

/**
 * A QR code of `text` as an inline SVG element (no XML declaration, no script, no external reference), ready to be
 * placed in an HTML page. It scales to its box: size it with CSS. Encoded by the `qrcode` package.
 */
export async function qrSvg(text: string, options: QrOptions = {}): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: options.errorCorrectionLevel ?? 'M',
    margin: options.margin ?? 4,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
  return svg.replace(/^<\?xml[^>]*>\s*/, '').trim();
}

/** The modules of the QR code of `text`, row by row (`true` = dark), for drawers other than SVG (the PDF renderer). */
export function qrModules(text: string, options: Pick<QrOptions, 'errorCorrectionLevel'> = {}): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: options.errorCorrectionLevel ?? 'M' });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(Boolean(modules.get(r, c)));
    rows.push(row);
  }
  return rows;
}
