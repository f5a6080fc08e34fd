import type { AcceptCaseRequest, ServiceItem } from '#libs/contracts';
import { SAMPLE_CATALOG } from '../seed/sample-catalog.js';
import { acceptanceOutcome } from './acceptance-outcome.js';
import { checkApplication, checkImmediateDecision } from './acceptance-rules.js';

const item = (code: string) => SAMPLE_CATALOG.items.find((i) => i.code === code) as unknown as ServiceItem;

/** RE-TRANSFER: M01-M04 required and not tolerable, M05 (完税凭证) required and tolerable, M06 optional. */
function application(materials: AcceptCaseRequest['materials'], tolerant?: boolean): AcceptCaseRequest {
  return {
    itemCode: 'RE-TRANSFER',
    centerCode: '510704-C01',
    applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: '11010519491231002X', phone: '13800138000' },
    materials,
    form: { propertyType: 'RESIDENTIAL', extraCertificates: 0 },
    delivery: { method: 'WINDOW' },
    ...(tolerant === undefined ? {} : { tolerant }),
  };
}

const all = (except: string[] = []) => ['M01', 'M02', 'M03', 'M04', 'M05'].filter((c) => !except.includes(c)).map((code) => ({ code, provided: true }));

function outcome(req: AcceptCaseRequest) {
  const check = checkApplication(item('RE-TRANSFER'), req);
  expect(check.problems).toEqual([]);
  return acceptanceOutcome(check.missing, req.tolerant);
}

describe('tolerant acceptance or one-time notice', () => {
  it('accepts a complete application, tolerant or not', () => {
    expect(outcome(application(all()))).toEqual({ kind: 'ACCEPT' });
    expect(outcome(application(all(), true))).toEqual({ kind: 'ACCEPT' });
  });

  it('accepts with the tolerable material pending only when the clerk asks for tolerant acceptance', () => {
    expect(outcome(application(all(['M05']), true))).toEqual({
      kind: 'ACCEPT_TOLERANT',
      pending: [{ code: 'M05', name: '完税凭证', reason: 'MISSING', tolerable: true }],
    });
    expect(outcome(application(all(['M05'])))).toEqual({
      kind: 'NOTICE',
      missing: [{ code: 'M05', name: '完税凭证', reason: 'MISSING', tolerable: true }],
    });
    expect(outcome(application(all(['M05']), false)).kind).toBe('NOTICE');
  });

  it('issues the notice, listing tolerable ones too, as soon as one missing material is not tolerable', () => {
    const r = outcome(application(all(['M02', 'M05']), true));
    expect(r).toEqual({
      kind: 'NOTICE',
      missing: [
        { code: 'M02', name: '申请人身份证明', reason: 'MISSING', tolerable: false },
        { code: 'M05', name: '完税凭证', reason: 'MISSING', tolerable: true },
      ],
    });
  });

  it('counts a defective material as not provided, with the defect as the detail', () => {
    const materials = all().map((m) => (m.code === 'M03' ? { ...m, defective: true, defectReason: '权属证书复印件不清晰' } : m));
    expect(outcome(application(materials, true))).toEqual({
      kind: 'NOTICE',
      missing: [{ code: 'M03', name: '不动产权属证书', reason: 'DEFECTIVE', detail: '权属证书复印件不清晰', tolerable: false }],
    });
    const tolerableDefect = all().map((m) => (m.code === 'M05' ? { ...m, defective: true } : m));
    expect(outcome(application(tolerableDefect, true))).toEqual({
      kind: 'ACCEPT_TOLERANT',
      pending: [{ code: 'M05', name: '完税凭证', reason: 'DEFECTIVE', tolerable: true }],
    });
  });

  it('never asks for an optional material', () => {
    expect(outcome(application([...all(), { code: 'M06', provided: false }]))).toEqual({ kind: 'ACCEPT' });
  });

  it('refuses duplicate material lines and a defect reason without a defect', () => {
    const r = checkApplication(item('RE-TRANSFER'), application([...all(), { code: 'M01', provided: false }, { code: 'M06', provided: true, defectReason: 'x' }]));
    expect(r.problems.map((p) => `${p.field} ${p.rule}`)).toEqual(['materials[5].code uniqueMaterial', 'materials[6].defectReason onlyWhenDefective']);
  });
});

describe('deciding an immediate item at the window', () => {
  const rep = (department: string) => ({ id: `rep.${department.toLowerCase()}`, role: 'CHIEF_REP' as const, department });
  const clerk = { id: 'clerk1', role: 'CLERK' as const };

  it("lets the item's own chief representative decide", () => {
    expect(checkImmediateDecision(item('SEAL-FILING'), rep('PSB'), { decision: 'APPROVE', opinion: '同意备案' })).toEqual({ problems: [] });
  });

  it('forbids another department, a clerk deciding, and a chief representative accepting without deciding', () => {
    expect(checkImmediateDecision(item('SEAL-FILING'), rep('SAMR'), { decision: 'APPROVE' }).forbidden?.message).toMatch(/decided by PSB/);
    expect(checkImmediateDecision(item('SEAL-FILING'), clerk, { decision: 'APPROVE' }).forbidden).toBeDefined();
    expect(checkImmediateDecision(item('SEAL-FILING'), rep('PSB'), undefined).forbidden).toBeDefined();
    expect(checkImmediateDecision(item('SEAL-FILING'), clerk, undefined)).toEqual({ problems: [] });
  });

  it('refuses to decide a promised item at the window, and a rejection without reasons', () => {
    expect(checkImmediateDecision(item('ID-CARD'), rep('PSB'), { decision: 'APPROVE' }).problems.map((p) => p.rule)).toEqual(['immediateItemOnly']);
    expect(checkImmediateDecision(item('SEAL-FILING'), rep('PSB'), { decision: 'REJECT', opinion: ' ' }).problems.map((p) => p.field)).toEqual(['decideNow.opinion']);
  });
});
