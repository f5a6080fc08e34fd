import { escapeHtml } from './html.js';
import { formatYuan } from './money.js';
import { qrModules, qrSvg } from './qr.js';

describe('escapeHtml', () => {
  it('escapes the five HTML specials, backtick and equals', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&#60;a href&#61;&#34;x&#34; onclick&#61;&#39;y&#39;&#62;&#38;&#60;/a&#62;');
    expect(escapeHtml('`${x}`')).toBe('&#96;${x}&#96;');
  });

  it('prints nothing for null and undefined, and the text of anything else', () => {
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(0)).toBe('0');
    expect(escapeHtml('缴费通知书')).toBe('缴费通知书');
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [9000, '90.00'],
    [10050, '100.50'],
    [100000001, '1000000.01'],
    [9999999999, '99999999.99'],
    [-150, '-1.50'],
  ])('%p fen → %p', (fen, yuan) => {
    expect(formatYuan(fen)).toBe(yuan);
  });

  it('groups thousands on request', () => {
    expect(formatYuan(100000001, { thousands: true })).toBe('1,000,000.01');
    expect(formatYuan(9999999999, { thousands: true })).toBe('99,999,999.99');
    expect(formatYuan(99999, { thousands: true })).toBe('999.99');
    expect(formatYuan(-123456789, { thousands: true })).toBe('-1,234,567.89');
  });

  it('refuses fractions and non-numbers', () => {
    for (const bad of [0.5, NaN, Infinity, '9000' as unknown as number]) expect(() => formatYuan(bad)).toThrow(RangeError);
  });
});

describe('qrSvg', () => {
  it('is one inline <svg> element, without XML declaration, script or external reference', async () => {
    const svg = await qrSvg('PN2026112300001');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('viewBox');
    expect(svg).not.toMatch(/<\?xml|<script|href=|https?:\/\/(?!www\.w3\.org)/);
  });

  it('encodes the text (same modules as the matrix the PDF draws) and differs for different texts', async () => {
    const a = qrModules('PN2026112300001');
    expect(a.length).toBeGreaterThanOrEqual(21);
    expect(a.every((row) => row.length === a.length)).toBe(true);
    // Finder pattern in the top-left corner: a dark 7×7 ring.
    expect(a[0].slice(0, 7).every(Boolean)).toBe(true);
    expect(a[6].slice(0, 7).every(Boolean)).toBe(true);
    expect(await qrSvg('PN2026112300001')).not.toBe(await qrSvg('PN2026112300002'));
  });
});
