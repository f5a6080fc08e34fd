import type { ServiceConfig } from '#libs/config';
import { AppError, Rpc, type Role } from '#libs/contracts';
import type { RpcClient } from '#libs/messaging';
import { CaseViewLoader } from '../cases/case-view.loader.js';
import { CaseAccess, type Caller } from './case-access.js';

const CASE = { caseNo: 'C1', centerCode: '510704-C01', decidingAuthority: undefined, immediateDecision: undefined };

function access(answers: Partial<Record<string, unknown>> = {}) {
  const asked: string[] = [];
  const rpc = {
    request: async (subject: string) => {
      asked.push(subject);
      const a = subject in answers ? answers[subject] : undefined;
      if (a instanceof Error) throw a;
      return a;
    },
  } as unknown as RpcClient;
  return { access: new CaseAccess(rpc, new CaseViewLoader(rpc, { casePartTimeoutMs: 3000 } as ServiceConfig)), asked };
}

const caller = (role: Role, extra: Partial<{ centers: string[]; department: string }> = {}): Caller => ({
  user: { username: 'u', centers: extra.centers ?? [] },
  actor: { id: 'u', role, ...(extra.department ? { department: extra.department } : {}) },
});

describe('CaseAccess', () => {
  it("lets a clerk at the case's center only; an unknown case stays a 404", async () => {
    const { access: a } = access({ [Rpc.intake.getCase]: CASE });
    expect(await a.allows(caller('CLERK', { centers: ['510704-C01'] }), 'C1', 'c')).toBe(true);
    expect(await a.allows(caller('CLERK', { centers: ['510704-T01'] }), 'C1', 'c')).toBe(false);
    await expect(a.assertCase(caller('CLERK', { centers: ['510704-T01'] }), 'C1', 'c')).rejects.toMatchObject({ status: 404, code: 'CASE.NOT_FOUND' });
    const { access: b } = access({ [Rpc.intake.getCase]: AppError.notFound('CASE.NOT_FOUND', 'No case C9.') });
    await expect(b.allows(caller('CLERK', { centers: ['510704-C01'] }), 'C9', 'c')).rejects.toMatchObject({ status: 404 });
  });

  it('lets a chief representative in through a task, the deciding authority or an active delegation', async () => {
    const tasks = [{ department: 'HUD' }, { department: 'TAX' }];
    const ask = (departments: string[], c: object = CASE) =>
      access({ [Rpc.intake.getCase]: c, [Rpc.approval.tasksOfCase]: tasks, [Rpc.approval.actingDepartments]: { departments } }).access;
    expect(await ask(['TAX']).allows(caller('CHIEF_REP', { department: 'TAX' }), 'C1', 'c')).toBe(true);
    expect(await ask(['SAMR']).allows(caller('CHIEF_REP', { department: 'SAMR' }), 'C1', 'c')).toBe(false);
    // backup.nrb: no department of their own, an active delegation for HUD.
    expect(await ask(['HUD']).allows(caller('CHIEF_REP'), 'C1', 'c')).toBe(true);
    expect(await ask(['CIVIL'], { ...CASE, decidingAuthority: { level: 'county', department: 'CIVIL' } }).allows(caller('CHIEF_REP'), 'C1', 'c')).toBe(true);
  });

  it('lets a courier in on courier cases only, and the unscoped roles everywhere without asking', async () => {
    const { access: a } = access({ [Rpc.delivery.deliveriesOfCase]: [{ method: 'WINDOW' }] });
    expect(await a.allows(caller('COURIER'), 'C1', 'c')).toBe(false);
    const { access: b } = access({ [Rpc.delivery.deliveriesOfCase]: [{ method: 'COURIER' }] });
    expect(await b.allows(caller('COURIER'), 'C1', 'c')).toBe(true);
    const { access: c, asked } = access();
    for (const role of ['SUPERVISOR', 'FINANCE', 'ADMIN'] as const) expect(await c.allows(caller(role), 'C1', 'c')).toBe(true);
    expect(asked).toEqual([]);
  });

  it('filters a list to the scope, asking for the acting departments once', async () => {
    const { access: a, asked } = access({
      [Rpc.intake.getCase]: CASE,
      [Rpc.approval.tasksOfCase]: [{ department: 'TAX' }],
      [Rpc.approval.actingDepartments]: { departments: ['TAX'] },
    });
    const items = [{ caseNo: 'C1' }, { caseNo: 'C2' }];
    expect(await a.filter(caller('CHIEF_REP', { department: 'TAX' }), items, 'c')).toEqual(items);
    expect(asked.filter((s) => s === Rpc.approval.actingDepartments)).toHaveLength(1);
    expect(await a.filter(caller('CLERK', { centers: ['510704-T01'] }), items, 'c')).toEqual([]);
  });

  describe('on a route about one case (the guard hands its request on): from the case view', () => {
    const VIEW = { caseNo: 'C1', centerCode: '510704-C01', tasks: [{ department: 'TAX' }], deliveries: [{ method: 'WINDOW' }], version: 3 };

    it('decides a clerk by the view alone, and shares the view with the route (one RPC)', async () => {
      const { access: a, asked } = access({ [Rpc.routing.caseView]: VIEW });
      const request = {};
      expect(await a.allows(caller('CLERK', { centers: ['510704-C01'] }), 'C1', 'c', undefined, request)).toBe(true);
      expect(await a.allows(caller('CLERK', { centers: ['510704-T01'] }), 'C1', 'c', undefined, request)).toBe(false);
      expect(asked).toEqual([Rpc.routing.caseView]);
      const { access: b } = access({ [Rpc.routing.caseView]: AppError.notFound('CASE.NOT_FOUND', 'No case C9.') });
      await expect(b.assertCase(caller('CLERK', { centers: ['510704-C01'] }), 'C9', 'c', {})).rejects.toMatchObject({ status: 404 });
    });

    it("takes the view's yes for a chief representative, and asks the owners before saying no (a task may be newer than the view)", async () => {
      const yes = access({ [Rpc.routing.caseView]: VIEW, [Rpc.approval.actingDepartments]: { departments: ['TAX'] } });
      expect(await yes.access.allows(caller('CHIEF_REP', { department: 'TAX' }), 'C1', 'c', undefined, {})).toBe(true);
      expect(yes.asked.sort()).toEqual([Rpc.approval.actingDepartments, Rpc.routing.caseView].sort());
      const newer = access({
        [Rpc.routing.caseView]: VIEW,
        [Rpc.approval.actingDepartments]: { departments: ['HUD'] },
        [Rpc.intake.getCase]: CASE,
        [Rpc.approval.tasksOfCase]: [{ department: 'TAX' }, { department: 'HUD' }],
      });
      expect(await newer.access.allows(caller('CHIEF_REP', { department: 'HUD' }), 'C1', 'c', undefined, {})).toBe(true);
      expect(newer.asked.filter((s) => s === Rpc.approval.actingDepartments)).toHaveLength(1);
    });

    it('asks the owners when routing does not answer', async () => {
      const { access: a, asked } = access({ [Rpc.routing.caseView]: new AppError('SERVICE.UNAVAILABLE', 'down', 503), [Rpc.intake.getCase]: CASE });
      expect(await a.allows(caller('CLERK', { centers: ['510704-C01'] }), 'C1', 'c', undefined, {})).toBe(true);
      expect(asked).toEqual([Rpc.routing.caseView, Rpc.intake.getCase]);
    });

    it('lets a courier in through a COURIER delivery of the view, else asks delivery', async () => {
      const { access: a } = access({ [Rpc.routing.caseView]: { ...VIEW, deliveries: [{ method: 'COURIER' }] } });
      expect(await a.allows(caller('COURIER'), 'C1', 'c', undefined, {})).toBe(true);
      const { access: b, asked } = access({ [Rpc.routing.caseView]: VIEW, [Rpc.delivery.deliveriesOfCase]: [{ method: 'WINDOW' }] });
      expect(await b.allows(caller('COURIER'), 'C1', 'c', undefined, {})).toBe(false);
      expect(asked).toEqual([Rpc.routing.caseView, Rpc.delivery.deliveriesOfCase]);
    });
  });
});
