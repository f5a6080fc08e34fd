import type { DispatchBatchView } from '#libs/contracts';
import { renderDispatchListHtml, renderDispatchListPdf } from './dispatch-list.js';

const batch: DispatchBatchView = {
  batchId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a60',
  carrier: 'EMS<script>',
  createdBy: 'courier1',
  createdAt: '2026-12-02T14:20:00+08:00',
  items: [
    { deliveryId: 'd1', caseNo: '510704202612020000001', waybillNo: 'OW2026120200000001X', recipient: '张三', phone: '13900139000', address: '四川省绵阳市游仙区示范路 1 号', attempt: 1 },
    { deliveryId: 'd2', caseNo: '510704202612020000002', waybillNo: 'OW20261202000000025', recipient: '李四', phone: '13800138000', address: '四川省成都市武侯区<b>1</b>', attempt: 2 },
  ],
};

describe('the printed dispatch list', () => {
  it('lists every parcel with its waybill, recipient and phone, escaped, marked internal', () => {
    const html = renderDispatchListHtml(batch, { printedBy: 'courier1', printedAt: '2026-12-02T14:21:00+08:00' });
    expect(html).toContain('邮寄送达交接清单');
    expect(html).toContain('内部资料');
    expect(html).toContain('OW2026120200000001X');
    expect(html).toContain('13900139000');
    expect(html).toContain('第 2 次');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>1</b>');
  });

  it('renders as a PDF too', async () => {
    const pdf = await renderDispatchListPdf(batch);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 30_000);
});
