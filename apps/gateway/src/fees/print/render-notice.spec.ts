import type { NoticeView } from '#libs/contracts';
import { notice } from './notice.fixture.js';
import { renderNoticeHtml } from './render-notice.js';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the printed payment notice (缴费通知书), HTML', () => {
  it('is a complete A4 page with title, number, case, item, issue and expiry times', async () => {
    const html = await renderNoticeHtml(notice, { centerName: '城关镇便民服务中心', printedBy: 'Finance window 1（finance1）', printedAt: '2026-11-24T10:20:00+08:00' });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/@page \{ size: A4/);
    for (const s of [
      '非税收入缴款通知书',
      '缴费通知书',
      'No. PN20261124000042X',
      '510704202611230000427',
      '食品经营许可',
      '2026-11-24 10:15:30（北京时间）',
      '有效期至',
      '2026-12-09 23:59:59（北京时间）',
      '城关镇便民服务中心（510704-T01）',
      '打印人：Finance window 1（finance1）',
      '待缴费',
    ]) {
      expect(html).toContain(s);
    }
  });

  it('lists each line with its department, quantity and amount, and the total in figures and in capitals', async () => {
    const html = await renderNoticeHtml(notice);
    expect(html).toMatch(/许可证工本费.*市场监督管理局（SAMR）.*>1<.*¥50\.00/);
    expect(html).toMatch(/现场核查费.*>2<.*¥30\.00/);
    expect(html).toMatch(/标牌费.*住房和城乡建设局（HOUSING）.*>1<.*¥10\.00/);
    expect(html).toContain('¥90.00');
    expect(html).toContain('人民币玖拾元整');
  });

  it('shows the split per department with each payee account (name, bank, number) and amount', async () => {
    const html = await renderNoticeHtml(notice);
    const split = html.slice(html.indexOf('<table class="split">'), html.indexOf('</table>', html.indexOf('<table class="split">')));
    expect(split).toMatch(/市场监督管理局（SAMR）.*某市财政局非税收入汇缴结算户.*中国工商银行某市分行营业部.*2301020109024500123.*¥80\.00/);
    expect(split).toMatch(/住房和城乡建设局（HOUSING）.*某市住房和城乡建设局.*中国建设银行某市城关支行.*51050140860800000456.*¥10\.00/);
  });

  it('says where a department has no payee account on file, and derives the split from the lines of an old notice', async () => {
    const html = await renderNoticeHtml({ ...notice, split: [] });
    const split = html.slice(html.indexOf('<table class="split">'));
    expect(split).toMatch(/市场监督管理局（SAMR）.*收款账户未登记.*¥80\.00/);
    expect(split).toMatch(/住房和城乡建设局（HOUSING）.*收款账户未登记.*¥10\.00/);
  });

  it('carries the QR code of the notice number as inline SVG', async () => {
    const html = await renderNoticeHtml(notice);
    expect(html).toMatch(/<figure class="qr"[^>]*><svg[^>]*viewBox[^>]*>.*<\/svg>/s);
    expect(html).not.toMatch(/<img|<script|<link|src=/);
    const other = await renderNoticeHtml({ ...notice, noticeNo: 'PN202611240000435' });
    const svgOf = (h: string) => /<svg.*<\/svg>/s.exec(h)![0];
    expect(svgOf(other)).not.toBe(svgOf(html));
  });

  it('tells how to pay: window, bank counter or online banking quoting the number, QR, before the expiry, keep the receipt', async () => {
    const t = text(await renderNoticeHtml(notice, { centerName: '城关镇便民服务中心' }));
    expect(t).toContain('缴费方式');
    expect(t).toContain('城关镇便民服务中心财务窗口');
    expect(t).toMatch(/银行柜台.*网上银行.*PN20261124000042X/);
    expect(t).toContain('扫描本通知书上的二维码');
    expect(t).toContain('请于 2026-12-09 23:59:59（北京时间） 前缴费');
    expect(t).toContain('妥善保管银行回单');
  });

  it('a payable notice has no watermark nor banner', async () => {
    const html = await renderNoticeHtml(notice);
    expect(html).not.toContain('class="watermark"');
    expect(html).not.toContain('class="banner"');
  });

  it.each<[NoticeView['status'], Partial<NoticeView>, string, RegExp]>([
    ['VOID', { replacedBy: 'PN202611250000017' }, '作废', /已作废.*PN202611250000017/],
    ['VOID', { closeReason: '办件已撤回' }, '作废', /已作废，不能缴费（办件已撤回）/],
    ['EXPIRED', {}, '已过期', /2026-12-09 23:59:59（北京时间） 过期.*重新开具/],
    ['PAID', { paidFen: 9000, paidAt: '2026-11-25T09:00:00+08:00' }, '已缴费', /2026-11-25 09:00:00（北京时间） 缴清 ¥90\.00.*请勿重复缴费/],
    ['REFUND_DUE', { paidFen: 9000, refundedFen: 3000 }, '已缴费', /应退 ¥60\.00（已退 ¥30\.00）/],
    ['REFUNDED', { paidFen: 9000, refundedFen: 9000 }, '已退费', /已全额退还 ¥90\.00/],
  ])('a %s notice carries a watermark and a banner saying why it must not be paid', async (status, extra, mark, banner) => {
    const html = await renderNoticeHtml({ ...notice, status, ...extra });
    expect(html).toContain(`<div class="watermark" aria-hidden="true">${mark}</div>`);
    expect(html).toMatch(new RegExp(`<p class="banner" role="alert">[^<]*${banner.source}`));
  });

  it('prints a big amount grouped, and its capitals', async () => {
    const html = await renderNoticeHtml({ ...notice, totalFen: 100000001 });
    expect(html).toContain('¥1,000,000.01');
    expect(html).toContain('人民币壹佰万元零壹分');
  });

  it('escapes every value, so a name, an account or a reason cannot inject markup', async () => {
    const evil = '<script>alert("x")</script>';
    const img = `"><img src=x onerror=alert(1)>`;
    const html = await renderNoticeHtml(
      {
        ...notice,
        status: 'VOID',
        closeReason: evil,
        noticeNo: `PN1${img}`,
        caseNo: evil,
        itemName: evil,
        centerCode: img,
        replaces: evil,
        items: [{ code: img, name: evil, department: img, departmentName: evil, amountFen: 9000, quantity: evil as unknown as number }],
        split: [{ department: evil, departmentName: img, amountFen: 9000, payee: { accountName: evil, bank: img, accountNo: `1' onmouseover='x` } }],
      },
      { centerName: evil, printedBy: img, printedAt: evil },
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain("' onmouseover='");
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(html.match(/<svg/g)).toHaveLength(1);
  });
});
