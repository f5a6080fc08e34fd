import pg from 'pg';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { WorkingCalendar } from '#libs/calendar';
import { Events, type CaseSupplementedData } from '#libs/contracts';
import { newEvent, newId } from '#libs/messaging';
import { accept, decide, openTask } from '../support/flows.js';
import { Api, caseWhere, eventually, idempotencyKey, PERSON_ID, reTransferApplication } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

/**
 * The clock (#4) over HTTP, with two routing processes: supplements (补正) stop and restart every deadline,
 * extensions (延期) stay within the legal limit, warnings (预警) are raised once however many sweeps run at once,
 * and supervision (电子监察) answers with figures that can be checked by hand.
 */

const cal = WorkingCalendar.official();
const SHANGHAI_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const shanghai = (s: string) => new Date(s);
/** The operator token the routing processes want on POST /internal/warning-sweep (INTERNAL_TOKEN). */
const INTERNAL_TOKEN = 'e2e-internal-token-0123456789';

interface Entry {
  at: string;
  type: string;
  actor: { id: string; role: string; department?: string; onBehalfOf?: string };
  data: Record<string, any>;
}

function foodBizApplication() {
  return {
    itemCode: 'FOOD-BIZ',
    centerCode: '510704-C01',
    applicant: { type: 'PERSON', name: '李四', idType: 'ID_CARD', idNumber: PERSON_ID, phone: '13800138000' },
    materials: ['M01', 'M02', 'M03', 'M04'].map((code) => ({ code, provided: true })),
    form: {},
    delivery: { method: 'WINDOW' },
  };
}

describe('the clock: time limits, supplements, extensions, warnings and supervision', () => {
  let t: TestStack;
  let api: Api;
  let db: pg.Client;
  let nc: NatsConnection;
  let routingPorts: number[];

  beforeAll(async () => {
    // Every routing process also sweeps on its own timer, every second: more sweeps at once, not fewer.
    t = await startTestStack({ basePort: 26000 + Math.floor(Math.random() * 99) * 10, namespacePrefix: 'h4a_e2e', env: { WARNING_SWEEP_MS: '1000', INTERNAL_TOKEN } });
    api = t.api;
    // A second routing process: the same consumers and the same sweep, side by side with the first.
    const extra = await t.stack.startExtra('routing', 'b');
    routingPorts = [t.stack.ports.routing, extra.port];
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    nc = await connect({ servers: t.natsUrl });
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await nc?.close();
    await t?.stop();
  }, 60_000);

  const post = (user: string, path: string, body: unknown) => api.as(user, 'POST', path, body, { 'Idempotency-Key': idempotencyKey() });

  async function timeline(caseNo: string): Promise<Entry[]> {
    const r = await api.as('supervisor1', 'GET', `/cases/${caseNo}/timeline`);
    expect(r.status).toBe(200);
    return r.body;
  }

  async function timelineWhere(caseNo: string, ok: (entries: Entry[]) => boolean, what: string): Promise<Entry[]> {
    return eventually(async () => {
      const entries = await timeline(caseNo);
      return ok(entries) ? entries : undefined;
    }, what);
  }

  /** POST /cases/{caseNo}/supplements (intake #3); if that route is not there, the same event straight onto JetStream. */
  async function supplement(caseNo: string, materials: { code?: string; name?: string }[]): Promise<void> {
    const r = await post('clerk1', `/cases/${caseNo}/supplements`, { materials });
    if (r.status === 201 || r.status === 200) return;
    expect(r.body?.code).toBe('ROUTE.NOT_FOUND');
    const data: CaseSupplementedData = { supplementId: newId(), materials: materials.map((m) => ({ ...m, name: m.name ?? m.code! })), pendingLeft: [] };
    const e = newEvent(Events.CaseSupplemented, caseNo, data, { actor: { id: 'clerk1', role: 'CLERK' } });
    await jetstream(nc).publish(`${t.namespace}.${Events.CaseSupplemented}`, JSON.stringify(e), { msgID: e.id });
  }

  /** Every given routing process sweeps at the same moment, `times` requests each. */
  async function sweepEverywhere(times = 3): Promise<{ instance: string; claimed: number; raised: number }[]> {
    const calls = routingPorts.flatMap((port) =>
      Array.from({ length: times }, async () => {
        const res = await fetch(`http://127.0.0.1:${port}/internal/warning-sweep`, {
          method: 'POST',
          headers: { authorization: `Bearer ${INTERNAL_TOKEN}` },
        });
        expect(res.status).toBe(200);
        return (await res.json()) as { instance: string; claimed: number; raised: number };
      }),
    );
    return Promise.all(calls);
  }

  it('sweeps on the health port only for a caller with the operator token', async () => {
    const url = `http://127.0.0.1:${routingPorts[0]}/internal/warning-sweep`;
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: INTERNAL_TOKEN }] as Record<string, string>[]) {
      const res = await fetch(url, { method: 'POST', headers });
      expect([headers.authorization, res.status]).toEqual([headers.authorization, 401]);
      expect(((await res.json()) as { code?: string }).code).toBe('AUTH.UNAUTHENTICATED');
    }
    const ok = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${INTERNAL_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ claimed: expect.any(Number), raised: expect.any(Number) });
  });

  it('suspends for a supplement, keeps waiting for an incomplete one, then moves every deadline of the case and its tasks', async () => {
    const accepted = await accept(api, reTransferApplication());
    const caseNo = accepted.caseNo;
    const [hud, tax, nrb] = await Promise.all(['rep.hud', 'rep.tax', 'rep.nrb'].map((rep) => openTask(api, rep, caseNo)));
    const before = await caseWhere(api, caseNo, (c) => c.status === 'IN_REVIEW', 'the case in review');
    // The deadlines say whether they lean on a year without an official schedule (weekends only assumed).
    const expectEstimated =
      cal.deadline(shanghai(accepted.acceptedAt), 30).estimated || cal.deadline(shanghai(accepted.acceptedAt), 5).estimated;
    expect(before.deadlineEstimated).toBe(expectEstimated);
    expect(accepted.deadlineEstimated ?? false).toBe(expectEstimated);
    expect(hud.dueAt).toBe(before.promisedDeadline);

    // A supplement request must say what to bring.
    expect((await post('rep.tax', `/tasks/${tax.taskId}/decision`, { decision: 'REQUEST_SUPPLEMENT', opinion: '请补充材料' })).status).toBe(400);
    const requested = [
      { code: 'M05', name: '完税凭证', reason: '复印件不清晰，请提交原件' },
      { name: '婚姻状况证明', reason: '需证明房屋为个人财产' },
    ];
    const asked = await post('rep.tax', `/tasks/${tax.taskId}/decision`, { decision: 'REQUEST_SUPPLEMENT', opinion: '请补充完税凭证原件和婚姻状况证明', requested });
    expect(asked.status).toBe(200);
    expect(asked.body.status).toBe('SUPPLEMENT_REQUESTED');

    const suspended = await caseWhere(
      api,
      caseNo,
      (c) => c.status === 'SUSPENDED' && c.tasks.filter((x: any) => x.status === 'PAUSED').length === 2,
      'the case suspended and the other two tasks paused',
    );
    expect(suspended.suspensions).toHaveLength(1);
    expect(suspended.suspensions[0]).toMatchObject({ reason: '请补充完税凭证原件和婚姻状况证明', requested, department: 'TAX', taskId: tax.taskId });
    expect(suspended.suspensions[0].endedAt).toBeUndefined();
    expect(suspended.suspensions[0].startedAt).toMatch(SHANGHAI_SECOND);
    // A paused task can be neither decided nor extended, and does not show up as open.
    expect((await post('rep.hud', `/tasks/${hud.taskId}/decision`, { decision: 'APPROVE', opinion: '同意' })).status).toBe(409);
    const ext = await post('rep.hud', `/tasks/${hud.taskId}/extension`, { workingDays: 1, reason: '现场核查' });
    expect([ext.status, ext.body.code]).toEqual([409, 'TASK.NOT_OPEN']);
    // Paused clocks are not swept, even with their yellow time passed.
    await db.query(`UPDATE routing.task_clocks SET yellow_at = now() - interval '1 minute' WHERE case_no = $1`, [caseNo]);
    await sweepEverywhere(1);

    // The suspension began 10 calendar days ago (as if the applicant took that long), so the move is worth checking.
    await db.query(`UPDATE routing.suspensions SET started_at = started_at - interval '10 days' WHERE case_no = $1`, [caseNo]);

    // Only one of the two materials: the case stays suspended and the timeline says what is still missing.
    await supplement(caseNo, [{ code: 'M05' }]);
    const partial = await timelineWhere(caseNo, (es) => es.some((e) => e.type === Events.CaseSupplemented), 'the first supplement on the timeline');
    expect(partial.find((e) => e.type === Events.CaseSupplemented)!.data.suspension).toMatchObject({
      answersRequest: false,
      stillMissing: [{ name: '婚姻状况证明', reason: '需证明房屋为个人财产' }],
    });
    expect((await caseWhere(api, caseNo, () => true, 'the case')).status).toBe('SUSPENDED');

    // The rest arrives (by name): everything asked for is in, the clock runs again.
    await supplement(caseNo, [{ name: '婚姻状况证明' }]);
    const resumed = await caseWhere(
      api,
      caseNo,
      (c) => c.status === 'IN_REVIEW' && c.tasks.every((x: any) => x.status === 'OPEN'),
      'the case resumed and all three tasks open again',
    );
    const { rows } = await db.query(`SELECT started_at, ended_at, suspended_working_days FROM routing.suspensions WHERE case_no = $1`, [caseNo]);
    const days = cal.workingDaysBetween(rows[0].started_at, rows[0].ended_at);
    expect(days).toBeGreaterThanOrEqual(1);
    expect(rows[0].suspended_working_days).toBe(days);
    const moved = (shown: string) => new Date(cal.extend(shanghai(shown), days).at.getTime()).getTime();
    expect(shanghai(resumed.promisedDeadline).getTime()).toBe(moved(before.promisedDeadline));
    expect(shanghai(resumed.legalDeadline).getTime()).toBe(moved(before.legalDeadline));
    for (const task of resumed.tasks) expect(shanghai(task.dueAt).getTime()).toBe(moved(hud.dueAt));
    expect(resumed.tasks.find((x: any) => x.department === 'TAX').decision).toBeUndefined();
    expect(resumed.suspensions[0]).toMatchObject({ suspendedWorkingDays: days, endReason: 'SUPPLIED' });
    expect(resumed.suspensions[0].endedAt).toMatch(SHANGHAI_SECOND);
    // Routing's own clocks moved the same way (the warning sweep reads these).
    const clocks = await db.query(`SELECT due_at, status, yellow_raised_at FROM routing.task_clocks WHERE case_no = $1`, [caseNo]);
    expect(clocks.rows.map((c) => [c.status, c.due_at.getTime(), c.yellow_raised_at])).toEqual(
      clocks.rows.map(() => ['OPEN', moved(hud.dueAt), null]),
    );
    const caseClock = await db.query(`SELECT due_at, status FROM routing.case_clocks WHERE case_no = $1`, [caseNo]);
    expect([caseClock.rows[0].status, caseClock.rows[0].due_at.getTime()]).toEqual(['OPEN', moved(before.promisedDeadline)]);

    const entries = await timelineWhere(caseNo, (es) => es.some((e) => e.type === Events.CaseResumed), 'the resumption on the timeline');
    const s = entries.find((e) => e.type === Events.CaseSuspended)!;
    expect(s.data).toMatchObject({ department: 'TAX', taskId: tax.taskId, reason: '请补充完税凭证原件和婚姻状况证明', requested });
    const r = entries.find((e) => e.type === Events.CaseResumed)!;
    expect(r.data).toMatchObject({
      suspendedWorkingDays: days,
      promisedDeadline: resumed.promisedDeadline,
      legalDeadline: resumed.legalDeadline,
      suspendedAt: resumed.suspensions[0].startedAt,
      reason: '请补充完税凭证原件和婚姻状况证明',
    });
    // The suspension ended when the answering materials arrived at the window.
    expect(entries.filter((e) => e.type === Events.CaseSupplemented)[1].at).toBe(resumed.suspensions[0].endedAt);
    expect(entries.filter((e) => e.type === Events.CaseSupplemented).map((e) => e.data.suspension.answersRequest)).toEqual([false, true]);
    expect(entries.some((e) => e.type === Events.WarningRaised)).toBe(false);

    // Suspended a second time (NRB asks now), resumed by one supplement answering everything.
    await post('rep.nrb', `/tasks/${nrb.taskId}/decision`, { decision: 'REQUEST_SUPPLEMENT', opinion: '请补充测绘报告', requested: [{ name: '房屋测绘报告' }] });
    await caseWhere(api, caseNo, (c) => c.status === 'SUSPENDED' && c.suspensions.length === 2, 'the second suspension');
    await supplement(caseNo, [{ name: '房屋测绘报告' }]);
    const again = await caseWhere(
      api,
      caseNo,
      (c) => c.status === 'IN_REVIEW' && c.suspensions.every((x: any) => x.endedAt) && c.tasks.every((x: any) => x.status === 'OPEN'),
      'the second resumption',
    );
    expect(again.suspensions.map((x: any) => x.department)).toEqual(['TAX', 'NRB']);

    // Each department decides afresh; the case completes.
    for (const rep of ['rep.hud', 'rep.tax', 'rep.nrb']) await decide(api, rep, caseNo);
    await caseWhere(api, caseNo, (c) => c.status === 'AWAITING_PAYMENT', 'the case approved');
    const closed = await db.query(`SELECT count(*)::int AS n FROM routing.task_clocks WHERE case_no = $1 AND status = 'CLOSED'`, [caseNo]);
    expect(closed.rows[0].n).toBe(3);
  });

  it('ends a suspension without moving anything when the case is withdrawn while it waits, cancelling the paused tasks', async () => {
    const { caseNo } = await accept(api, reTransferApplication());
    const [, tax] = await Promise.all(['rep.hud', 'rep.tax', 'rep.nrb'].map((rep) => openTask(api, rep, caseNo)));
    await post('rep.tax', `/tasks/${tax.taskId}/decision`, { decision: 'REQUEST_SUPPLEMENT', opinion: '请补充完税凭证', requested: [{ code: 'M05', name: '完税凭证' }] });
    const waiting = await caseWhere(api, caseNo, (c) => c.tasks.filter((x: any) => x.status === 'PAUSED').length === 2, 'two paused tasks');
    expect((await api.as('clerk1', 'POST', `/cases/${caseNo}/withdraw`, { reason: '申请人撤回' })).status).toBe(200);
    const withdrawn = await caseWhere(
      api,
      caseNo,
      (c) => c.status === 'WITHDRAWN' && c.tasks.filter((x: any) => x.status === 'CANCELLED').length === 2,
      'the withdrawal to cancel the paused tasks',
    );
    expect(withdrawn.suspensions).toEqual([expect.objectContaining({ endReason: 'CASE_CLOSED', endedAt: expect.stringMatching(SHANGHAI_SECOND) })]);
    expect(withdrawn.suspensions[0].suspendedWorkingDays).toBeUndefined();
    expect([withdrawn.promisedDeadline, withdrawn.legalDeadline]).toEqual([waiting.promisedDeadline, waiting.legalDeadline]);
    const open = await db.query(`SELECT count(*)::int AS n FROM routing.task_clocks WHERE case_no = $1 AND status <> 'CLOSED'`, [caseNo]);
    expect(open.rows[0].n).toBe(0);
  });

  it('raises each warning exactly once with two routing processes sweeping at the same moment', async () => {
    const { caseNo } = await accept(api, reTransferApplication());
    const tasks = await Promise.all(['rep.hud', 'rep.tax', 'rep.nrb'].map((rep) => openTask(api, rep, caseNo)));
    const taskIds = tasks.map((x) => x.taskId).sort();
    // Routing named the tasks: its clocks carry the ids approval gave them.
    const ids = await db.query(`SELECT task_id FROM routing.task_clocks WHERE case_no = $1 ORDER BY task_id`, [caseNo]);
    expect(ids.rows.map((r) => r.task_id)).toEqual(taskIds);

    // Time passes: 80% of every clock's time is used.
    await db.query(`UPDATE routing.task_clocks SET yellow_at = now() - interval '1 minute' WHERE case_no = $1`, [caseNo]);
    await db.query(`UPDATE routing.case_clocks SET yellow_at = now() - interval '1 minute' WHERE case_no = $1`, [caseNo]);
    const first = await sweepEverywhere(3);
    expect(new Set(first.map((x) => x.instance)).size).toBe(2);
    // Between these and the processes' own timers, four yellows in all (three tasks and the case).
    expect(first.reduce((n, x) => n + x.raised, 0)).toBeLessThanOrEqual(4);
    await timelineWhere(caseNo, (es) => es.filter((e) => e.type === Events.WarningRaised).length >= 4, 'four yellow warnings');

    // Overdue: the due times pass too.
    await db.query(`UPDATE routing.task_clocks SET due_at = now() - interval '1 second', yellow_at = now() - interval '1 minute' WHERE case_no = $1`, [caseNo]);
    await db.query(`UPDATE routing.case_clocks SET due_at = now() - interval '1 second' WHERE case_no = $1`, [caseNo]);
    const second = await sweepEverywhere(3);
    expect(second.reduce((n, x) => n + x.raised, 0)).toBeLessThanOrEqual(4);
    await timelineWhere(caseNo, (es) => es.filter((e) => e.type === Events.WarningRaised).length >= 8, 'four red warnings');
    const third = await sweepEverywhere(2);
    expect(third.reduce((n, x) => n + x.raised, 0)).toBe(0);

    // The run-now RPC answers too (any one routing process).
    const rpc = await nc.request(`${t.namespace}.rpc.routing.warnings.sweep`, '{}', { timeout: 5000 });
    expect(rpc.json<{ ok: boolean; data: { raised: number } }>()).toMatchObject({ ok: true, data: { raised: 0 } });

    const entries = await timelineWhere(caseNo, (es) => es.filter((e) => e.type === Events.WarningRaised).length >= 8, 'eight warnings');
    await new Promise((r) => setTimeout(r, 300));
    const warnings = (await timeline(caseNo)).filter((e) => e.type === Events.WarningRaised);
    const bySubject = (level: string) =>
      warnings
        .filter((w) => w.data.level === level)
        .map((w) => (w.data.subject === 'CASE' ? 'CASE' : w.data.taskId))
        .sort();
    expect(bySubject('YELLOW')).toEqual(['CASE', ...taskIds].sort());
    expect(bySubject('RED')).toEqual(['CASE', ...taskIds].sort());
    expect(entries.find((w) => w.type === Events.WarningRaised && w.data.subject === 'TASK')!.data).toMatchObject({
      stage: 1,
      dueAt: expect.stringMatching(SHANGHAI_SECOND),
    });
    const stored = await db.query(`SELECT count(*)::int AS n FROM routing.warnings WHERE case_no = $1`, [caseNo]);
    expect(stored.rows[0].n).toBe(8);

    // Supervision: the case and its three tasks, red; by department; by level.
    const all = await api.as('supervisor1', 'GET', '/supervision/warnings');
    expect(all.status).toBe(200);
    const mine = all.body.filter((w: any) => w.caseNo === caseNo);
    expect(mine.map((w: any) => `${w.subject}:${w.department ?? '-'}:${w.level}`).sort()).toEqual(
      ['CASE:-:RED', 'TASK:HUD:RED', 'TASK:NRB:RED', 'TASK:TAX:RED'],
    );
    for (const w of mine) {
      expect(w).toMatchObject({ itemCode: 'RE-TRANSFER', dueAt: expect.stringMatching(SHANGHAI_SECOND), raisedAt: expect.stringMatching(SHANGHAI_SECOND) });
    }
    const tax = await api.as('supervisor1', 'GET', '/supervision/warnings?department=TAX');
    expect(tax.body.filter((w: any) => w.caseNo === caseNo)).toEqual([
      expect.objectContaining({ subject: 'TASK', department: 'TAX', taskId: tasks[1].taskId, level: 'RED' }),
    ]);
    const yellow = await api.as('supervisor1', 'GET', '/supervision/warnings?level=YELLOW');
    expect(yellow.body.filter((w: any) => w.caseNo === caseNo)).toEqual([]);
    expect((await api.as('clerk1', 'GET', '/supervision/warnings')).status).toBe(403);
    expect((await api.as('supervisor1', 'GET', '/supervision/warnings?level=ORANGE')).status).toBe(400);

    // A decided task is no longer a current warning.
    expect((await post('rep.tax', `/tasks/${tasks[1].taskId}/decision`, { decision: 'APPROVE', opinion: '同意' })).status).toBe(200);
    await eventually(async () => {
      const r = await api.as('supervisor1', 'GET', '/supervision/warnings');
      return r.body.filter((w: any) => w.caseNo === caseNo).length === 3;
    }, 'the decided task to leave the warnings');
  });

  it('extends a task once, within the legal deadline, on the timeline with who did it', async () => {
    const { caseNo } = await accept(api, reTransferApplication());
    const [hud, nrb] = await Promise.all(['rep.hud', 'rep.nrb'].map((rep) => openTask(api, rep, caseNo)));
    const c = await caseWhere(api, caseNo, (x) => x.status === 'IN_REVIEW', 'the case in review');

    expect((await post('rep.tax', `/tasks/${hud.taskId}/extension`, { workingDays: 2, reason: '需现场核查' })).status).toBe(403);
    expect((await post('clerk1', `/tasks/${hud.taskId}/extension`, { workingDays: 2, reason: '需现场核查' })).status).toBe(403);
    expect((await post('rep.hud', `/tasks/${hud.taskId}/extension`, { workingDays: 0, reason: '' })).status).toBe(400);

    const ok = await post('rep.hud', `/tasks/${hud.taskId}/extension`, { workingDays: 2, reason: '需现场核查' });
    expect(ok.status).toBe(200);
    const expectedDue = cal.extend(shanghai(hud.dueAt), 2).at.getTime();
    expect(shanghai(ok.body.dueAt).getTime()).toBe(expectedDue);
    expect(ok.body.extension).toMatchObject({ workingDays: 2, reason: '需现场核查', extendedBy: 'rep.hud', previousDueAt: hud.dueAt });
    const twice = await post('rep.hud', `/tasks/${hud.taskId}/extension`, { workingDays: 1, reason: '再延' });
    expect([twice.status, twice.body.code]).toEqual([409, 'TASK.ALREADY_EXTENDED']);

    // The promised deadline is 5 working days, the legal one 30: 26 more days would pass it, 25 reach it exactly.
    const beyond = await post('rep.nrb', `/tasks/${nrb.taskId}/extension`, { workingDays: 26, reason: '专家论证' });
    expect([beyond.status, beyond.body.code]).toEqual([422, 'TASK.EXTENSION_BEYOND_LEGAL_LIMIT']);
    expect(beyond.body.legalDeadline).toBe(c.legalDeadline);
    // NRB's backup (AB岗) extends for the chief representative: the timeline keeps on whose behalf.
    const window = { from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString(), reason: '首席代表出差' };
    expect((await post('admin', '/departments/NRB/delegations', { backupUser: 'backup.nrb', ...window })).status).toBe(201);
    const atLimit = await post('backup.nrb', `/tasks/${nrb.taskId}/extension`, { workingDays: 25, reason: '专家论证' });
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.dueAt).toBe(c.legalDeadline);

    const entries = await timelineWhere(
      caseNo,
      (es) => es.filter((e) => e.type === Events.TaskExtended).length === 2,
      'both extensions on the timeline',
    );
    const [first, second] = entries.filter((e) => e.type === Events.TaskExtended);
    expect(first).toMatchObject({ actor: { id: 'rep.hud', department: 'HUD' }, data: { taskId: hud.taskId, workingDays: 2, previousDueAt: hud.dueAt, dueAt: ok.body.dueAt } });
    expect(second.actor).toEqual({ id: 'backup.nrb', role: 'CHIEF_REP', department: 'NRB', onBehalfOf: 'rep.nrb' });
    // Routing's clock for the task took the new due time; the case's promised deadline did not move.
    await eventually(async () => {
      const r = await db.query(`SELECT due_at, extended_days FROM routing.task_clocks WHERE case_no = $1 AND department = 'HUD'`, [caseNo]);
      return r.rows[0].due_at.getTime() === expectedDue && r.rows[0].extended_days === 2;
    }, "routing's HUD clock to move");
    expect((await caseWhere(api, caseNo, () => true, 'the case')).promisedDeadline).toBe(c.promisedDeadline);
  });

  it("gives a stage with shareDays its own due time, capped by the case's promised deadline", async () => {
    const definition = {
      code: 'H4A-SHARE',
      name: '公共场所卫生许可（分段时限）',
      powerType: 'LICENSE',
      caseType: 'PROMISED',
      applicantTypes: ['ORG', 'PERSON'],
      legalDays: 20,
      promisedDays: 5,
      reviewPlan: [{ stage: 1, departments: ['HEALTH'], lead: 'HEALTH', shareDays: 1 }],
      materials: [{ code: 'M01', name: '卫生许可申请书', required: true, tolerable: false }],
      fees: [],
      results: [{ department: 'HEALTH', name: '公共场所卫生许可证' }],
    };
    const bad = await post('admin', '/catalog/items', { ...definition, reviewPlan: [{ ...definition.reviewPlan[0], shareDays: -1 }] });
    expect([bad.status, bad.body.problems?.map((p: any) => p.field)]).toEqual([422, ['reviewPlan.0.shareDays']]);
    expect((await post('admin', '/catalog/items', definition)).status).toBe(201);
    const accepted = await accept(api, { ...foodBizApplication(), itemCode: 'H4A-SHARE', materials: [{ code: 'M01', provided: true }] });
    const task = await openTask(api, 'rep.health', accepted.caseNo);
    const c = await caseWhere(api, accepted.caseNo, (x) => x.status === 'IN_REVIEW', 'the case in review');
    expect(shanghai(task.dueAt).getTime()).toBe(cal.deadline(shanghai(accepted.acceptedAt), 1).at.getTime());
    expect(shanghai(task.dueAt).getTime()).toBeLessThan(shanghai(c.promisedDeadline).getTime());
  });

  it('answers per department and per item: accepted, completed on time and late, working days, open now', async () => {
    const cases = [];
    for (let i = 0; i < 3; i++) cases.push((await accept(api, foodBizApplication())).caseNo);
    const [onTime, late, open] = cases;
    for (const caseNo of [onTime, late]) await decide(api, 'rep.samr', caseNo);
    await openTask(api, 'rep.samr', open);
    await eventually(async () => {
      const r = await db.query(`SELECT count(*)::int AS n FROM routing.case_clocks WHERE case_no = ANY($1) AND status = 'CLOSED'`, [[onTime, late]]);
      return r.rows[0].n === 2;
    }, 'both decided cases to stop their clocks');

    // Put the three cases in January 2026 with known times (Shanghai): the figures can then be checked by hand.
    const set = async (caseNo: string, started: string, due: string, closed: string | null) => {
      for (const table of ['case_clocks', 'task_clocks']) {
        await db.query(`UPDATE routing.${table} SET started_at = $2, due_at = $3, yellow_at = $3, closed_at = COALESCE($4, closed_at) WHERE case_no = $1`, [
          caseNo,
          started,
          due,
          closed,
        ]);
      }
    };
    // Mon 6 Jan 2025 10:00 → Wed 8 Jan 16:00: 14 h + 24 h + 16 h = 2.25 working days, due Fri 10 Jan: on time.
    await set(onTime, '2025-01-06T10:00:00+08:00', '2025-01-10T23:59:59+08:00', '2025-01-08T16:00:00+08:00');
    // Mon 6 Jan 10:00 → Wed 15 Jan 10:00: 14 h + 6 × 24 h + 10 h = 7 working days, due Fri 10 Jan: late.
    await set(late, '2025-01-06T10:00:00+08:00', '2025-01-10T23:59:59+08:00', '2025-01-15T10:00:00+08:00');
    // Accepted Tue 7 Jan, due Mon 13 Jan, still open now: open and overdue.
    await set(open, '2025-01-07T10:00:00+08:00', '2025-01-13T23:59:59+08:00', null);

    const r = await api.as('supervisor1', 'GET', '/supervision/stats?from=2025-01-01&to=2025-01-31');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ from: '2025-01-01', to: '2025-01-31', generatedAt: expect.stringMatching(SHANGHAI_SECOND) });
    // (2.25 + 7) / 2 = 4.625 → 4.63; p90 of [2.25, 7] by nearest rank = 7.
    const figures = { accepted: 3, completed: 2, onTime: 1, overdue: 1, averageWorkingDays: 4.63, p90WorkingDays: 7, openNow: 1, openOverdue: 1 };
    expect(r.body.departments.find((d: any) => d.department === 'SAMR')).toEqual({ department: 'SAMR', ...figures });
    expect(r.body.items.find((i: any) => i.itemCode === 'FOOD-BIZ')).toEqual({ itemCode: 'FOOD-BIZ', itemName: '食品经营许可', ...figures });
    // The other cases of this run started now, not in January 2025: nothing accepted or completed for them there.
    for (const d of r.body.departments.filter((x: any) => x.department !== 'SAMR')) expect([d.department, d.accepted, d.completed]).toEqual([d.department, 0, 0]);

    // A period with none of them counts none of them as accepted or completed; the open one is still open now.
    const dec = await api.as('supervisor1', 'GET', '/supervision/stats?from=2024-12-01&to=2024-12-31');
    expect(dec.body.items.find((i: any) => i.itemCode === 'FOOD-BIZ')).toMatchObject({ accepted: 0, completed: 0, averageWorkingDays: null, openNow: 1 });
    expect((await api.as('supervisor1', 'GET', '/supervision/stats?from=2026-02-01&to=2026-01-01')).status).toBe(422);
    expect((await api.as('supervisor1', 'GET', '/supervision/stats?from=yesterday')).status).toBe(400);
    expect((await api.as('rep.samr', 'GET', '/supervision/stats')).status).toBe(403);
    const byDefault = await api.as('supervisor1', 'GET', '/supervision/stats');
    expect(byDefault.status).toBe(200);
  });
});
