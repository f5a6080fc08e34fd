import { inflateSync } from 'node:zlib';
import { notice } from './notice.fixture.js';
import { renderNoticePdf } from './render-notice-pdf.js';

/** Every stream of the PDF, inflated: the page contents, the ToUnicode maps of the embedded fonts. */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      /* not deflated (or the font file itself): skip */
    }
    re.lastIndex = end;
  }
  return out;
}

/** The characters the page's text uses, read back from the fonts' ToUnicode maps. */
function charactersUsed(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  for (const s of streams(pdf).filter((x) => x.includes('beginbfchar') || x.includes('beginbfrange'))) {
    for (const hex of s.matchAll(/<([0-9a-fA-F]{4,})>\s*(?=\n|<|\])/g)) {
      // Target values are UTF-16BE; source codes are glyph ids: collecting both is harmless for a "contains" check.
      const h = hex[1];
      for (let i = 0; i + 4 <= h.length; i += 4) chars.add(String.fromCharCode(parseInt(h.slice(i, i + 4), 16)));
    }
  }
  return chars;
}

describe('the printed payment notice (缴费通知书), PDF', () => {
  it('is one A4 page of PDF with the CJK font embedded (subset)', async () => {
    const pdf = await renderNoticePdf(notice, { centerName: '城关镇便民服务中心' });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toContain('/FontFile2');
    // Subset: far smaller than the 10 MB font file.
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('uses the glyphs of the capitals, the account numbers and the notice number', async () => {
    const used = charactersUsed(await renderNoticePdf(notice));
    for (const ch of '人民币玖拾元整非税收入缴款通知书有效期至开户行账号¥.0123456789PN') expect(used).toContain(ch);
  });

  it('renders the same bytes for the same notice (fixed creation date)', async () => {
    const a = await renderNoticePdf(notice);
    expect((await renderNoticePdf(notice)).equals(a)).toBe(true);
  });

  it('stamps a faint watermark on a void notice, and none on a payable one', async () => {
    const unpaid = await renderNoticePdf(notice);
    const voided = await renderNoticePdf({ ...notice, status: 'VOID', replacedBy: 'PN202611250000017' });
    expect(charactersUsed(unpaid)).not.toContain('废');
    expect(charactersUsed(voided)).toContain('废');
    expect(unpaid.toString('latin1')).not.toMatch(/\/ca 0\.14/);
    expect(voided.toString('latin1')).toMatch(/\/ca 0\.14/);
  });

  it('draws hostile text as text: nothing in the notice can add PDF objects or actions', async () => {
    const evil = ') Tj /JavaScript (app.alert(1)) /S /Launch <<';
    const pdf = await renderNoticePdf({ ...notice, noticeNo: `PN1${evil}`, itemName: evil, split: [{ ...notice.split[0], payee: { accountName: evil, bank: evil, accountNo: evil } }] });
    const raw = pdf.toString('latin1');
    expect(raw).not.toContain('/JavaScript');
    expect(raw).not.toContain('/Launch');
  });

  it('flows a notice with many lines onto more pages, every page stamped', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ ...notice.items[0], code: `L${i}`, name: `收费项目第${i + 1}项` }));
    const pdf = await renderNoticePdf({ ...notice, status: 'EXPIRED', items });
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length;
    expect(pages).toBeGreaterThan(1);
    // One page-content stream per page setting the watermark's transparency.
    expect(streams(pdf).filter((s) => /\/Gs\d+ gs/.test(s)).length).toBe(pages);
    expect(charactersUsed(pdf)).toContain('共');
  });
});
