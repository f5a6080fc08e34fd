import type { DecisionLetterView } from '#libs/contracts';
import { renderLetterHtml } from './render-letter.js';
import { renderLetterPdf } from './render-letter-pdf.js';

const letter: DecisionLetterView = {
  letterNo: 'JD202612010000427',
  caseNo: '510704202611230000427',
  itemName: '不动产转移登记(存量房买卖)',
  applicantName: '张三<script>',
  centerCode: '510704-C01',
  issuedAt: '2026-12-01T10:15:30+08:00',
  reasons: [
    { stage: 1, department: 'HUD', reason: '该房屋已被司法查封', decidedAt: '2026-11-30T09:00:00+08:00' },
    { stage: 1, department: 'TAX', reason: '申报价格明显偏低 & 未说明理由', decidedAt: '2026-11-30T09:05:00+08:00' },
  ],
  remedies: ['六十日内……申请行政复议。', '六个月内……提起行政诉讼。'],
  delivery: { deliveryId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c', method: 'WINDOW', status: 'READY', pickupCenter: '510704-C01' },
};

describe('the printed decision letter', () => {
  it('lists both departments’ reasons by name, the legal basis and the remedies, escaping every value', async () => {
    const html = await renderLetterHtml(letter, { departmentNames: { HUD: '住房和城乡建设局', TAX: '税务局' }, centerName: '示范区政务服务中心' });
    expect(html).toContain('不予行政许可决定书');
    expect(html).toContain('JD202612010000427');
    expect(html).toContain('住房和城乡建设局（HUD）');
    expect(html).toContain('税务局（TAX）');
    expect(html).toContain('该房屋已被司法查封');
    expect(html).toContain('申报价格明显偏低 &#38; 未说明理由');
    expect(html).toContain('《中华人民共和国行政许可法》第三十八条第二款');
    expect(html).toContain('六十日内……申请行政复议。');
    expect(html).toContain('六个月内……提起行政诉讼。');
    expect(html).toContain('2026年12月1日');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<svg');
  });

  it('renders the same letter as a PDF', async () => {
    const pdf = await renderLetterPdf(letter, {});
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
