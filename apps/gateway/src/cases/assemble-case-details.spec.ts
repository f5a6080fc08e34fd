import type { CaseView, DeliveryView, NoticeView, OpinionView, TaskView, WorkflowView } from '#libs/contracts';
import { assembleCaseDetails, type CaseParts } from './assemble-case-details.js';

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

const workflow: WorkflowView = {
  caseNo: intakeCase.caseNo,
  itemCode: 'RE-TRANSFER',
  status: 'SUSPENDED',
  currentStage: 1,
  stages: [],
  acceptedAt: intakeCase.acceptedAt,
  promisedDeadline: '2026-12-02T23:59:59+08:00',
  legalDeadline: '2027-01-08T23:59:59+08:00',
  updatedAt: '2026-11-24T10:00:00+08:00',
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

const ok = <T>(value: T) => ({ ok: true as const, value });
const down = { ok: false as const };

function parts(overrides: Partial<CaseParts> = {}): CaseParts {
  return { intakeCase, workflow: ok(workflow), tasks: ok([task]), notice: ok(null), deliveries: ok([]), opinions: ok([]), ...overrides };
}

describe('one view of a case from five services', () => {
  it("takes the status and the deadlines from routing, which moves them when the clock stops", () => {
    const d = assembleCaseDetails(parts());
    expect(d).toMatchObject({ status: 'SUSPENDED', promisedDeadline: '2026-12-02T23:59:59+08:00', legalDeadline: '2027-01-08T23:59:59+08:00' });
    expect(d.degraded).toBeUndefined();
  });

  it('says ACCEPTED while routing has no workflow for the case yet', () => {
    const d = assembleCaseDetails(parts({ workflow: ok(null) }));
    expect(d.status).toBe('ACCEPTED');
    expect(d.promisedDeadline).toBe(intakeCase.promisedDeadline);
  });

  it('names every service that did not answer instead of showing its part as empty', () => {
    const d = assembleCaseDetails(parts({ workflow: down, notice: down, deliveries: down }));
    expect(d.degraded).toEqual(['routing', 'fees', 'delivery']);
    expect(d).not.toHaveProperty('deliveries');
    expect(d).not.toHaveProperty('paymentNotice');
    expect(d.tasks).toHaveLength(1);
  });

  it('leaves out the tasks and opinions when approval did not answer, instead of showing them as []', () => {
    const d = assembleCaseDetails(parts({ tasks: down, opinions: down }));
    expect(d.degraded).toEqual(['approval']);
    expect(d.tasks).not.toEqual([]);
    expect(d).not.toHaveProperty('tasks');
    expect(d).not.toHaveProperty('opinions');
    // Either part alone missing is enough to name approval.
    expect(assembleCaseDetails(parts({ tasks: down })).degraded).toEqual(['approval']);
    expect(assembleCaseDetails(parts({ opinions: down })).degraded).toEqual(['approval']);
    expect(assembleCaseDetails(parts({ opinions: down }))).not.toHaveProperty('opinions');
  });

  it('shows "none" as [] when every service answered', () => {
    const d = assembleCaseDetails(parts({ tasks: ok(null), opinions: ok(null), deliveries: ok(null) }));
    expect(d).toMatchObject({ tasks: [], opinions: [], deliveries: [] });
    expect(d).not.toHaveProperty('paymentNotice');
    expect(d.degraded).toBeUndefined();
  });

  it('includes the consultation opinions', () => {
    const opinion: OpinionView = { opinionId: 'o1', caseNo: intakeCase.caseNo, department: 'WRB', author: 'rep.wrb', opinion: '建议明确排放口在线监测要求', at: '2026-11-24T10:00:00+08:00' };
    expect(assembleCaseDetails(parts({ opinions: ok([opinion]) })).opinions).toEqual([opinion]);
  });

  it('shows each task with its decision and drops the fields the page does not need', () => {
    expect(assembleCaseDetails(parts()).tasks).toEqual([
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
    const d = assembleCaseDetails(parts({ notice: ok(notice), deliveries: ok([delivery]) }));
    expect(d.paymentNotice).toBe(notice);
    expect(d.deliveries).toEqual([delivery]);
  });
});

describe('personal data on the case page', () => {
  it('leaves what intake already masked as it is', () => {
    expect(assembleCaseDetails(parts()).applicant).toMatchObject({ idNumber: '1101**********002X', phone: '138****5678' });
  });

  it('masks an ID number, a phone and a delivery phone that reach it unmasked', () => {
    const unmasked = { ...intakeCase, applicant: { ...intakeCase.applicant, idNumber: '11010519491231002X', phone: '13812345678' } };
    const delivery = { deliveryId: 'd1', phone: '13912345678', address: '示范区人民路1号' } as DeliveryView;
    const d = assembleCaseDetails(parts({ intakeCase: unmasked, deliveries: ok([delivery]) }));
    expect(d.applicant.idNumber).toBe('1101**********002X');
    expect(d.applicant.phone).toBe('138****5678');
    expect(d.deliveries![0].phone).toBe('139****5678');
    expect(JSON.stringify(d)).not.toContain('11010519491231002X');
  });
});
