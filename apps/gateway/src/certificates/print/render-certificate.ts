import type { CertificateView } from '#libs/contracts';
import { escapeHtml as e, qrSvg } from '#libs/printing';
import { certificateRows, REVOKED_WATERMARK, revokedBanner, VERIFY_HINT } from './certificate-text.js';

export interface CertificatePrintOptions {
  printedBy?: string;
  printedAt?: string;
}

/**
 * A certificate (证照) as a printable A4 page: its title, number, holder (name; ID number masked), item, issuing
 * department, issue date and validity, and the signed payload as a QR code (inline SVG, nothing fetched). A revoked
 * certificate carries a banner and a watermark. Every value is escaped.
 */
export async function renderCertificateHtml(c: CertificateView, opts: CertificatePrintOptions = {}): Promise<string> {
  const qr = c.signedPayload ? await qrSvg(c.signedPayload, { errorCorrectionLevel: 'L' }) : '';
  const rows = certificateRows(c)
    .map(([label, value]) => `<tr><th>${e(label)}</th><td>${e(value)}</td></tr>`)
    .join('\n');
  const banner = revokedBanner(c);
  const printed = [opts.printedBy ? `打印人：${opts.printedBy}` : '', opts.printedAt ? `打印时间：${opts.printedAt}` : ''].filter(Boolean).join('　');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(c.name)} ${e(c.certificateNo)}</title>
<style>
@page { size: A4 portrait; margin: 16mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; max-width: 178mm; margin: 2em auto; color: #000; }
h1 { text-align: center; font-size: 26pt; letter-spacing: .4em; margin: .5em 0; }
.no { text-align: center; font: bold 14pt "Courier New", monospace; }
table { width: 100%; border-collapse: collapse; margin-top: 1.5em; }
th, td { border: 1px solid #000; padding: .5em .7em; text-align: left; }
th { width: 7em; background: #f3f3f3; white-space: nowrap; }
.qr { text-align: center; margin-top: 1.5em; font-size: 9pt; }
.qr svg { width: 45mm; height: 45mm; }
.hint { font-size: 9pt; color: #333; }
.banner { border: 2px solid #b00; color: #b00; padding: .5em .8em; font-weight: bold; }
.watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: bold; color: rgba(190, 0, 0, .16);
  transform: rotate(-28deg); pointer-events: none; letter-spacing: .2em; }
footer { margin-top: 2em; display: flex; justify-content: space-between; font-size: 10pt; }
</style>
</head>
<body>
${banner ? `<div class="watermark" aria-hidden="true">${e(REVOKED_WATERMARK)}</div>\n` : ''}<h1>${e(c.name)}</h1>
<p class="no">No. ${e(c.certificateNo)}</p>
${banner ? `<p class="banner" role="alert">${e(banner)}</p>\n` : ''}<table class="info">
${rows}
</table>
${qr ? `<figure class="qr" aria-label="证照签名数据二维码">${qr}<figcaption>扫码验证 · ${e(c.certificateNo)}</figcaption></figure>\n` : ''}<p class="hint">${e(VERIFY_HINT)}</p>
<footer>
<span>${e(printed)}</span>
<span>发证机关（盖章）：${e(c.department)}</span>
</footer>
</body>
</html>
`;
}
