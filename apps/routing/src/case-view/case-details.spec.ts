import type { CaseBlockView, CaseView, DeliveryView, NoticeView, OpinionView, TaskView } from '#libs/contracts';
import { caseDetails, type ViewParts } from './case-details.js';
import { intakePart, taskPart, type WorkflowPart } from './parts.js';

// Moved from the gateway's assemble-case-details.spec.ts with the assembly (issue #12): the same expectations.
const intakeCase: CaseView = {
  caseNo: '510704202611230000427',
  itemCode: 'RE-TRANSFER',
  itemName: '不动产转移登记(存量房买卖)',
  itemVersion: 1,
  caseType: 'JOINT',
  centerCode: '510704-C01',
  status: 'ACCEPTED',
  applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: '1101**********002X', phone: '138****5678' },
  materials: [],
  form: {},
  delivery: { method: 'WINDOW' },
  acceptedAt: '2026-11-23T09:30:12+08:00',
  acceptedBy: 'clerk1',
  promisedDeadline: '2026-11-30T23:59:59+08:00',
  legalDeadline: '2027-01-06T23:59:59+08:00',
};

const workflow: WorkflowPart = {
  status: 'SUSPENDED',
  promisedDeadline: '2026-12-02T23:59:59+08:00',
  legalDeadline: '2027-01-08T23:59:59+08:00',
  suspensions: [],
};

const task: TaskView = {
  taskId: 't1',
  caseNo: intakeCase.caseNo,
  itemCode: 'RE-TRANSFER',
  itemName: intakeCase.itemName,
  department: 'NRB',
  stage: 1,
  status: 'SUPPLEMENT_REQUESTED',
  dueAt: '2026-11-30T23:59:59+08:00',
  decision: 'REQUEST_SUPPLEMENT',
  opinion: '请补充完税凭证',
  decidedBy: 'rep.nrb',
  decidedAt: '2026-11-24T10:00:00+08:00',
  createdAt: '2026-11-23T09:30:13+08:00',
};

function parts(overrides: Partial<ViewParts> = {}): ViewParts {
  return {
    intake: intakePart(intakeCase),
    workflow,
    tasks: [taskPart(task)],
    notice: null,
    deliveries: [],
    opinions: [],
    blocks: [],
    degraded: [],
    asOf: '2026-11-24T10:00:00+08:00',
    version: 7,
    ...overrides,
  };
}

describe('one view of a case from five services', () => {
  it('takes the status and the deadlines from routing, which moves them when the clock stops', () => {
    const d = caseDetails(parts());
    expect(d).toMatchObject({ status: 'SUSPENDED', promisedDeadline: '2026-12-02T23:59:59+08:00', legalDeadline: '2027-01-08T23:59:59+08:00' });
    expect(d.degraded).toBeUndefined();
    expect(d).toMatchObject({ asOf: '2026-11-24T10:00:00+08:00', version: 7 });
  });

  it('says ACCEPTED while routing has no workflow for the case yet', () => {
    const d = caseDetails(parts({ workflow: null }));
    expect(d.status).toBe('ACCEPTED');
    expect(d.promisedDeadline).toBe(intakeCase.promisedDeadline);
    expect(d).not.toHaveProperty('suspensions');
  });

  it('names every owner whose part is unknown instead of showing it as empty', () => {
    const d = caseDetails(parts({ notice: undefined, deliveries: undefined, degraded: ['delivery', 'fees'] }));
    expect(d.degraded).toEqual(['fees', 'delivery']);
    expect(d).not.toHaveProperty('deliveries');
    expect(d).not.toHaveProperty('paymentNotice');
    expect(d.tasks).toHaveLength(1);
  });

  it('leaves out the tasks and opinions when approval is unknown, instead of showing them as []', () => {
    const d = caseDetails(parts({ tasks: undefined, opinions: undefined, degraded: ['approval'] }));
    expect(d.degraded).toEqual(['approval']);
    expect(d).not.toHaveProperty('tasks');
    expect(d).not.toHaveProperty('opinions');
  });

  it('shows a degraded owner’s last known part, and names it', () => {
    const d = caseDetails(parts({ degraded: ['approval'] }));
    expect(d.tasks).toHaveLength(1);
    expect(d.degraded).toEqual(['approval']);
  });

  it('shows "none" as []', () => {
    const d = caseDetails(parts({ tasks: [], opinions: [], deliveries: [] }));
    expect(d).toMatchObject({ tasks: [], opinions: [], deliveries: [] });
    expect(d).not.toHaveProperty('paymentNotice');
    expect(d.degraded).toBeUndefined();
  });

  it('includes the consultation opinions', () => {
    const opinion: OpinionView = { opinionId: 'o1', caseNo: intakeCase.caseNo, department: 'WRB', author: 'rep.wrb', opinion: '建议明确排放口在线监测要求', at: '2026-11-24T10:00:00+08:00' };
    expect(caseDetails(parts({ opinions: [opinion] })).opinions).toEqual([opinion]);
  });

  it('shows each task with its decision and drops the fields the page does not need', () => {
    expect(caseDetails(parts()).tasks).toEqual([
      {
        taskId: 't1',
        department: 'NRB',
        stage: 1,
        status: 'SUPPLEMENT_REQUESTED',
        decision: 'REQUEST_SUPPLEMENT',
        opinion: '请补充完税凭证',
        dueAt: '2026-11-30T23:59:59+08:00',
        decidedBy: 'rep.nrb',
        decidedAt: '2026-11-24T10:00:00+08:00',
      },
    ]);
  });

  it('includes the payment notice and the deliveries when there are some', () => {
    const notice = { noticeNo: 'PN1', status: 'UNPAID' } as NoticeView;
    const delivery = { deliveryId: 'd1', phone: '138****5678' } as DeliveryView;
    const d = caseDetails(parts({ notice, deliveries: [delivery] }));
    expect(d.paymentNotice).toBe(notice);
    expect(d.deliveries).toEqual([delivery]);
  });

  it('shows BLOCKED with the status before and the parked events', () => {
    const block: CaseBlockView = { service: 'fees', consumer: 'fees__routing_case_approved_v1', reason: 'x', parkedAt: '2026-12-02T10:00:00+08:00', deadLetterSeq: 7 };
    expect(caseDetails(parts({ blocks: [block] }))).toMatchObject({ status: 'BLOCKED', statusBeforeBlocked: 'SUSPENDED', blockedBy: [block] });
  });
});

describe('personal data on the case page', () => {
  it('leaves what intake already masked as it is', () => {
    expect(caseDetails(parts()).applicant).toMatchObject({ idNumber: '1101**********002X', phone: '138****5678' });
  });

  it('masks an ID number, a phone and a delivery phone that reach it unmasked', () => {
    const unmasked = { ...intakeCase, applicant: { ...intakeCase.applicant, idNumber: '11010519491231002X', phone: '13812345678' } };
    const delivery = { deliveryId: 'd1', phone: '13912345678', address: '示范区人民路1号' } as DeliveryView;
    const d = caseDetails(parts({ intake: { ...intakeCase, ...unmasked }, deliveries: [delivery] }));
    expect(d.applicant.idNumber).toBe('1101**********002X');
    expect(d.applicant.phone).toBe('138****5678');
    expect(d.deliveries![0].phone).toBe('139****5678');
    expect(JSON.stringify(d)).not.toContain('11010519491231002X');
  });

  it('keeps no full ID number, phone, material or address of intake’s record in the stored part', () => {
    const stored = intakePart({ ...intakeCase, applicant: { ...intakeCase.applicant, idNumber: '11010519491231002X', phone: '13812345678' }, delivery: { method: 'COURIER', address: '示范区人民路1号' } });
    expect(JSON.stringify(stored)).not.toMatch(/11010519491231002X|13812345678|人民路/);
    expect(stored).not.toHaveProperty('materials');
    expect(stored).not.toHaveProperty('form');
  });
});
