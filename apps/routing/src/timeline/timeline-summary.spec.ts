import { Events, type CaseAcceptedData, type EventEnvelope } from '#libs/contracts';
import { maskName, summarize } from './timeline-summary.js';

function envelope<T>(type: string, data: T): EventEnvelope<T> {
  return {
    id: '0190a000-0000-7000-8000-000000000001',
    type,
    occurredAt: '2026-03-02T01:00:00.000Z',
    caseNo: 'C1',
    correlationId: 'c',
    causationId: null,
    actor: { id: 'clerk-1', role: 'CLERK' },
    data,
  };
}

const accepted: CaseAcceptedData = {
  itemCode: 'MKT-001',
  itemVersion: 3,
  itemName: '食品经营许可',
  caseType: 'PROMISED',
  centerCode: 'C320100',
  applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: '11010519491231002X', phone: '13800138000' },
  form: { address: '中山路1号' },
  delivery: { method: 'COURIER', recipient: '张三', phone: '13800138000', address: '中山路1号' },
  reviewPlan: [{ stage: 1, departments: ['MARKET'] }],
  fees: [],
  results: [],
  legalDays: 20,
  promisedDays: 10,
  acceptedAt: '2026-03-02T01:00:00.000Z',
  promisedDeadline: '2026-03-16T15:59:59.000Z',
  legalDeadline: '2026-03-30T15:59:59.000Z',
};

describe('timeline summary', () => {
  it('keeps no ID number, phone, name or address of the applicant', () => {
    const text = JSON.stringify(summarize(envelope(Events.CaseAccepted, accepted)));
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('13800138000');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('中山路');
    expect(summarize(envelope(Events.CaseAccepted, accepted))).toMatchObject({
      itemCode: 'MKT-001',
      stages: 1,
      deliveryMethod: 'COURIER',
      promisedDeadline: '2026-03-16T23:59:59+08:00',
    });
  });

  it('keeps a decision with its opinion', () => {
    const data = { taskId: 't1', stage: 1, department: 'TAX', decision: 'REJECT' as const, opinion: '欠税未清' };
    expect(summarize(envelope(Events.TaskDecided, data))).toEqual(data);
  });

  it('masks who signed for a delivery', () => {
    const data = { deliveryId: 'd1', method: 'COURIER' as const, signedBy: '李小明' };
    expect(summarize(envelope(Events.DeliveryDelivered, data))).toEqual({ deliveryId: 'd1', method: 'COURIER', signedBy: '李**' });
    expect(maskName('王')).toBe('王*');
  });

  it('keeps nothing of an event type it does not know', () => {
    expect(summarize(envelope('intake.case.other.v1', { idNumber: '11010519491231002X' }))).toEqual({});
  });
});
