import type { ReceiptView } from '#libs/contracts';
import { escapeHtml, renderReceipt } from './render-receipt.js';

const receipt: ReceiptView = {
  caseNo: '510704202611230000427',
  itemCode: 'FOOD-BIZ',
  itemName: '食品经营许可',
  itemVersion: 1,
  caseType: 'PROMISED',
  applicant: { type: 'PERSON', name: '李四', idType: 'ID_CARD', idNumber: '1101**********002X', phone: '138****5678' },
  received: [{ code: 'M01', name: '食品经营许可申请书' }],
  pending: [{ code: 'M03', name: '设备设施布局文件', reason: 'MISSING' }],
  pendingDueAt: '2026-11-30T23:59:59+08:00',
  acceptedAt: '2026-11-23T09:30:12+08:00',
  promisedDeadline: '2026-11-30T23:59:59+08:00',
  legalDeadline: '2026-12-07T23:59:59+08:00',
  center: { code: '510704-T01', name: '城关镇便民服务中心', level: 'township' },
  acceptedBy: 'clerk1',
  status: 'ACCEPTED',
};

describe('the acceptance receipt (受理通知书)', () => {
  it('prints the case number, item, masked applicant, materials, deadlines in Beijing time, center and clerk', () => {
    const html = renderReceipt(receipt, 'Window clerk 1');
    for (const text of [
      '510704202611230000427',
      '食品经营许可（FOOD-BIZ，第 1 版）',
      '1101**********002X',
      '138****5678',
      '食品经营许可申请书（M01）',
      '设备设施布局文件（M03）',
      '2026-11-30 23:59:59（北京时间）',
      '2026-12-07 23:59:59（北京时间）',
      '城关镇便民服务中心（510704-T01）',
      'Window clerk 1（clerk1）',
    ]) {
      expect(html).toContain(text);
    }
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('escapes every value, so a name cannot inject markup', () => {
    const evil = '<script>alert("x")</script>';
    const html = renderReceipt({
      ...receipt,
      itemName: evil,
      applicant: { ...receipt.applicant, name: `"><img src=x onerror=alert(1)>` },
      received: [{ code: 'M01', name: evil }],
      pending: [{ name: `a & b ${evil}` }],
      center: { ...receipt.center, name: evil },
      decidingAuthority: { level: 'county', department: 'CIVIL', departmentName: evil },
      immediateDecision: { decision: 'APPROVE', opinion: evil, decidedBy: 'rep.psb' },
    }, evil);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('a &#38; b');
  });

  it('names the deciding authority of a reported item and the decision of an immediate one', () => {
    const reported = renderReceipt({ ...receipt, caseType: 'REPORTED', decidingAuthority: { level: 'county', department: 'CIVIL', departmentName: '民政局' } });
    expect(reported).toContain('上报件');
    expect(reported).toContain('县级 民政局（CIVIL）');
    const immediate = renderReceipt({ ...receipt, caseType: 'IMMEDIATE', pending: [], immediateDecision: { decision: 'APPROVE', opinion: '准予备案', decidedBy: 'rep.psb' } });
    expect(immediate).toContain('准予：准予备案（首席代表 rep.psb）');
    expect(immediate).not.toContain('待补材料');
    expect(immediate).not.toContain('撤回');
    expect(renderReceipt({ ...receipt, status: 'WITHDRAWN' })).toContain('本件已由申请人撤回');
  });

  it('escapes the five HTML specials and more', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&#60;a href&#61;&#34;x&#34; onclick&#61;&#39;y&#39;&#62;&#38;&#60;/a&#62;');
    expect(escapeHtml(undefined)).toBe('');
  });
});
