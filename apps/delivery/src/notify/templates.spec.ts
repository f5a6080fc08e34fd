import { NotificationTemplates } from '#libs/contracts';
import { render, TEMPLATES, yuan } from './templates.js';

describe('notification templates', () => {
  it('has a Chinese text for every template the contract lists', () => {
    for (const t of NotificationTemplates) expect(TEMPLATES[t]).toMatch(/^【政务服务中心】.+/);
  });

  it('fills every placeholder and leaves none behind', () => {
    const text = render('RESULT_READY_WINDOW', { caseNo: 'C1', itemName: '食品经营许可', pickupCode: '482913', pickupCenter: '示范区政务服务中心' });
    expect(text).toContain('取件码482913');
    expect(text).toContain('窗口（示范区政务服务中心）');
    expect(render('CASE_APPROVED', {})).not.toMatch(/[{}]/);
  });

  it('shows money in yuan', () => {
    expect(yuan(9000)).toBe('90.00元');
    expect(yuan(5)).toBe('0.05元');
  });
});
