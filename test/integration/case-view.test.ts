import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Events, Rpc, type CaseDetailsView, type CaseView, type DeliveryView, type NoticeView, type OpinionView, type TaskView } from '#libs/contracts';
import { connectNats, newId, wireSubject } from '#libs/messaging';
import { RoutingModule } from '../../apps/routing/src/routing.module.js';
import { startOneService, type OneService } from '../support/one-service.js';
import { reTransferAccepted, testCaseNo } from '../support/upstream-events.js';
import { infrastructure } from '../support/infra.js';

/** What the four other owners answer for one case; replaced by the test as their state moves. */
interface OwnerState {
  intake: CaseView;
  tasks: TaskView[];
  opinions: OpinionView[];
  notice: NoticeView | null;
  deliveries: DeliveryView[];
}

const SUBJECTS = {
  intake: Rpc.intake.getCase,
  tasks: Rpc.approval.tasksOfCase,
  opinions: Rpc.approval.opinionsOfCase,
  notice: Rpc.fees.noticeOfCase,
  deliveries: Rpc.delivery.deliveriesOfCase,
} as const;

/**
 * The other owners' queries, answered from `state` as it is when the question arrives (so a held answer is a snapshot
 * of then). `hold(subject)` keeps that subject's answers until released; `mute(subject)` leaves them unanswered.
 */
class FakeOwners {
  readonly state = new Map<string, OwnerState>();
  asked: string[] = [];
  private readonly held = new Map<string, Promise<void>>();
  private readonly muted = new Set<string>();
  private readonly subs: Subscription[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: string,
  ) {
    for (const [part, subject] of Object.entries(SUBJECTS)) {
      this.subs.push(
        nc.subscribe(wireSubject(namespace, subject), {
          callback: (_err, msg) => {
            this.asked.push(subject);
            if (this.muted.has(subject)) return;
            const { caseNo } = msg.json<{ caseNo: string }>();
            const s = this.state.get(caseNo);
            const answer = s
              ? { ok: true, data: structuredClone(s[part as keyof OwnerState]) }
              : { ok: false, error: { code: 'CASE.NOT_FOUND', message: `No case ${caseNo}.`, status: 404 } };
            void (this.held.get(subject) ?? Promise.resolve()).then(() => msg.respond(JSON.stringify(answer)));
          },
        }),
      );
    }
  }

  /** Holds the subject's answers; the returned function lets them (and later ones) go. */
  hold(subject: string): () => void {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    this.held.set(subject, gate);
    return () => {
      if (this.held.get(subject) === gate) this.held.delete(subject); // not a hold set after this one
      release();
    };
  }

  mute(subject: string, on = true): void {
    if (on) this.muted.add(subject);
    else this.muted.delete(subject);
  }

  close(): void {
    for (const s of this.subs) s.unsubscribe();
  }
}

function intakeCase(caseNo: string): CaseView {
  return {
    caseNo,
    itemCode: 'RE-TRANSFER',
    itemName: '不动产转移登记(存量房买卖)',
    itemVersion: 1,
    caseType: 'JOINT',
    centerCode: '510704-C01',
    centerName: '示范区政务服务中心',
    status: 'ACCEPTED',
    applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: '1101**********002X', phone: '138****8000' },
    materials: [{ code: 'M01', name: '身份证明', provided: true }],
    form: { propertyType: 'RESIDENTIAL' },
    delivery: { method: 'COURIER', recipient: '张三', phone: '139****9000', address: '示范区人民路1号' },
    acceptedAt: '2026-11-23T09:30:12+08:00',
    acceptedBy: 'clerk1',
    promisedDeadline: '2026-11-30T23:59:59+08:00',
    legalDeadline: '2027-01-06T23:59:59+08:00',
    pendingMaterials: [],
  };
}

function task(caseNo: string, department: string, extra: Partial<TaskView> = {}): TaskView {
  return {
    taskId: `${department}-${caseNo}`,
    caseNo,
    itemCode: 'RE-TRANSFER',
    itemName: '不动产转移登记(存量房买卖)',
    department,
    stage: 1,
    status: 'OPEN',
    dueAt: '2026-11-30T23:59:59+08:00',
    createdAt: '2026-11-23T09:30:13+08:00',
    ...extra,
  };
}

/**
 * routing's case view (issue #12) against real PostgreSQL and NATS, with the four other owners played by the test:
 * read-through of stale parts, the version moving when and only when the view does, the compare-and-set against a
 * newer event, degraded owners, the change notice after commit, and a case routing has not picked up yet.
 */
describe('the case view in routing', () => {
  let svc: OneService;
  let nc: NatsConnection;
  let owners: FakeOwners;

  beforeAll(async () => {
    svc = await startOneService('routing', (c) => RoutingModule.register(c));
    nc = await connectNats((await infrastructure()).natsUrl, 'case-view-test');
    owners = new FakeOwners(nc, svc.config.namespace);
  }, 60_000);

  afterAll(async () => {
    owners?.close();
    await nc?.close();
    await svc?.stop();
  });

  const view = (caseNo: string): Promise<CaseDetailsView> => svc.rpc.request(Rpc.routing.caseView, { caseNo }, { timeoutMs: 10_000 });

  async function acceptedCase(): Promise<{ caseNo: string; state: OwnerState }> {
    const caseNo = testCaseNo();
    const state: OwnerState = {
      intake: intakeCase(caseNo),
      tasks: ['HUD', 'TAX', 'NRB'].map((d) => task(caseNo, d)),
      opinions: [],
      notice: null,
      deliveries: [],
    };
    owners.state.set(caseNo, state);
    await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted()));
    return { caseNo, state };
  }

  const askedSince = (mark: number) => owners.asked.slice(mark).sort();

  /** The SQL statements the service's pool ran while `work` ran (nothing else runs in this test meanwhile). */
  async function counted<T>(work: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
    const runner = svc.ds.createQueryRunner();
    const proto = Object.getPrototypeOf(runner) as { query: (sql: string, ...rest: unknown[]) => Promise<unknown> };
    await runner.release();
    const original = proto.query;
    const sql: string[] = [];
    proto.query = function (this: unknown, q: string, ...rest: unknown[]) {
      sql.push(q.replace(/\s+/g, ' ').trim());
      return original.call(this, q, ...rest);
    };
    try {
      return { result: await work(), sql };
    } finally {
      proto.query = original;
    }
  }

  it('fetches every part once, then answers from its row alone while nothing changes', async () => {
    const { caseNo } = await acceptedCase();
    const mark = owners.asked.length;
    const first = await view(caseNo);
    expect(askedSince(mark)).toEqual(Object.values(SUBJECTS).sort());
    expect(first).toMatchObject({ caseNo, status: 'IN_REVIEW', centerCode: '510704-C01', tasks: expect.any(Array), opinions: [], deliveries: [] });
    expect(first.tasks!.map((t) => t.department).sort()).toEqual(['HUD', 'NRB', 'TAX']);
    expect(first.degraded).toBeUndefined();
    expect(first.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);

    const again = owners.asked.length;
    const statements = await counted(() => view(caseNo));
    const second = statements.result;
    const third = await view(caseNo);
    expect(owners.asked.length).toBe(again);
    // One indexed read: nothing else reaches the database (the dead letters are a JetStream lookup).
    expect(statements.sql).toEqual([expect.stringMatching(/^SELECT v\.\*, nextval\('routing\.case_view_reads'\) AS ticket FROM routing\.case_views v WHERE v\.case_no = \$1$/)]);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    // No personal data beyond the masked page kept at rest: no materials, form or delivery address of intake's record.
    const [row] = await svc.ds.query(`SELECT parts::text AS parts FROM routing.case_views WHERE case_no = $1`, [caseNo]);
    expect(row.parts).not.toMatch(/人民路|身份证明|RESIDENTIAL/);
  });

  it('moves the version when, and only when, what the view shows moves', async () => {
    const { caseNo, state } = await acceptedCase();
    const v1 = await view(caseNo);

    // An event that changes nothing shown: the same version, no owner asked.
    let mark = owners.asked.length;
    await svc.deliver(svc.event(Events.NotificationSent, caseNo, { notificationId: newId(), template: 'CASE_ACCEPTED', cause: Events.CaseAccepted, channel: 'SMS', outcome: 'SENT', attempts: 1 }));
    expect(await view(caseNo)).toEqual(v1);
    expect(askedSince(mark)).toEqual([]);

    // An owner's event whose part comes back the same: asked, and the same version.
    mark = owners.asked.length;
    await svc.deliver(svc.event(Events.TaskAssigned, caseNo, { taskId: state.tasks[0].taskId, stage: 1, department: 'HUD', assignee: null, previousAssignee: null, reason: '同上' }));
    expect(await view(caseNo)).toEqual(v1);
    expect(askedSince(mark)).toEqual([Rpc.approval.tasksOfCase]);

    // An owner's event whose part changed: asked, a new version with it.
    state.tasks[0] = { ...state.tasks[0], assignee: 'rep.hud' };
    mark = owners.asked.length;
    await svc.deliver(svc.event(Events.TaskAssigned, caseNo, { taskId: state.tasks[0].taskId, stage: 1, department: 'HUD', assignee: 'rep.hud', previousAssignee: null, reason: '专人办理' }));
    const refresh = await counted(() => view(caseNo));
    const v2 = refresh.result;
    // The read, then the write-back under the row's lock: five statements, once per change.
    expect(refresh.sql.map((q) => q.split(' ').slice(0, 2).join(' '))).toEqual(['SELECT v.*,', 'START TRANSACTION', 'SELECT *', 'UPDATE routing.case_views', 'COMMIT']);
    expect(askedSince(mark)).toEqual([Rpc.approval.tasksOfCase]);
    expect(v2.version).toBe(v1.version + 1);
    expect(v2.tasks!.find((t) => t.department === 'HUD')).toMatchObject({ assignee: 'rep.hud' });
    expect(await view(caseNo)).toEqual(v2);

    // Routing's own change (the stage's join approves the case): exact at once, in the event's own transaction.
    state.tasks = state.tasks.map((t) => ({ ...t, status: 'APPROVED', decision: 'APPROVE', opinion: '同意' }));
    for (const t of state.tasks) {
      await svc.deliver(svc.event(Events.TaskDecided, caseNo, { taskId: t.taskId, stage: 1, department: t.department, decision: 'APPROVE', opinion: '同意' }));
    }
    const [{ status }] = await svc.ds.query(`SELECT workflow->>'status' AS status FROM routing.case_views WHERE case_no = $1`, [caseNo]);
    expect(status).toBe('APPROVED');
    const v3 = await view(caseNo);
    expect(v3).toMatchObject({ status: 'APPROVED' });
    expect(v3.version).toBeGreaterThan(v2.version);
    expect(v3.tasks!.every((t) => t.status === 'APPROVED')).toBe(true);
  });

  it('never lets a part fetched before a newer event overwrite it: the read fetches again', async () => {
    const { caseNo, state } = await acceptedCase();
    await view(caseNo);
    const stored = async () => (await svc.ds.query(`SELECT parts->'tasks' AS tasks FROM routing.case_views WHERE case_no = $1`, [caseNo]))[0].tasks;
    const before = await stored();

    // Approval decides HUD's task (E1); a read starts and asks approval, whose answer (a snapshot: HUD approved) is held.
    state.tasks[0] = { ...state.tasks[0], status: 'APPROVED', decision: 'APPROVE', opinion: '同意' };
    await svc.deliver(svc.event(Events.TaskDecided, caseNo, { taskId: state.tasks[0].taskId, stage: 1, department: 'HUD', decision: 'APPROVE', opinion: '同意' }));
    let release = owners.hold(Rpc.approval.tasksOfCase);
    const mark = owners.asked.length;
    const reading = view(caseNo);
    while (!owners.asked.slice(mark).includes(Rpc.approval.tasksOfCase)) await new Promise((r) => setTimeout(r, 10));

    // Meanwhile approval assigns TAX's task (E2), and routing applies E2 before the held answer comes back.
    state.tasks[1] = { ...state.tasks[1], assignee: 'rep.tax' };
    await svc.deliver(svc.event(Events.TaskAssigned, caseNo, { taskId: state.tasks[1].taskId, stage: 1, department: 'TAX', assignee: 'rep.tax', previousAssignee: null, reason: '专人办理' }));
    const held = owners.asked.length;
    const releaseFirst = release;
    release = owners.hold(Rpc.approval.tasksOfCase); // the read's second question waits too, so the row can be looked at
    releaseFirst();
    while (owners.asked.length === held) await new Promise((r) => setTimeout(r, 10));

    // The snapshot from before E2 was not written: the kept tasks are still those of before E1, stale.
    const during = await stored();
    expect(during.value).toEqual(before.value);
    expect(during.rev).not.toBe(during.fetchedRev);
    release();
    const answer = await reading;
    expect(answer.tasks!.find((t) => t.department === 'TAX')).toMatchObject({ assignee: 'rep.tax' });
    expect(answer.tasks!.find((t) => t.department === 'HUD')).toMatchObject({ status: 'APPROVED' });
    expect(answer.degraded).toBeUndefined();
    expect((await stored()).value).toEqual(answer.tasks);
  });

  it('shows the last known part of an owner that does not answer, names it in degraded, and recovers', async () => {
    const { caseNo, state } = await acceptedCase();
    const complete = await view(caseNo);
    owners.mute(Rpc.fees.noticeOfCase);
    try {
      state.notice = { noticeNo: 'PN1', caseNo, status: 'UNPAID', totalFen: 9000 } as NoticeView;
      await svc.deliver(svc.event(Events.NoticeIssued, caseNo, { noticeNo: 'PN1', items: [], totalFen: 9000, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }));
      const degraded = await view(caseNo);
      expect(degraded.degraded).toEqual(['fees']);
      expect(degraded).not.toHaveProperty('paymentNotice'); // last known: no notice
      expect(degraded.tasks).toEqual(complete.tasks);
      // Routing's own part is exact whoever is down: the notice moved the case on (one new version, for that).
      expect(degraded).toMatchObject({ status: 'AWAITING_PAYMENT', version: complete.version + 1 });
    } finally {
      owners.mute(Rpc.fees.noticeOfCase, false);
    }
    const recovered = await view(caseNo);
    expect(recovered.degraded).toBeUndefined();
    expect(recovered.paymentNotice).toMatchObject({ noticeNo: 'PN1' });
    expect(recovered.version).toBe(complete.version + 2);
  }, 30_000);

  it('tells core NATS after the commit when a case view moves (and when a part went stale)', async () => {
    const heard: string[] = [];
    const until = async (n: number) => {
      for (let i = 0; i < 100 && heard.length < n; i++) await new Promise((r) => setTimeout(r, 20));
    };
    const caseNo = testCaseNo();
    const sub = nc.subscribe(wireSubject(svc.config.namespace, `caseview.changed.${caseNo}`), { callback: (_e, m) => void heard.push(m.json<{ caseNo: string }>().caseNo) });
    await nc.flush();
    try {
      const state: OwnerState = { intake: intakeCase(caseNo), tasks: [], opinions: [], notice: null, deliveries: [] };
      owners.state.set(caseNo, state);
      await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted()));
      await view(caseNo);
      await until(2); // the row made, then the first read's write-back
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([caseNo, caseNo]);
      heard.length = 0;

      state.opinions = [{ opinionId: 'o1', caseNo, department: 'TAX', author: 'rep.tax', opinion: '同意', at: '2026-11-24T10:00:00+08:00' }];
      await svc.deliver(svc.event(Events.OpinionRecorded, caseNo, { opinionId: 'o1', department: 'TAX', opinion: '同意' }));
      await until(1);
      expect(heard).toEqual([caseNo]);
      await view(caseNo); // writes the opinions back: a new version, told too
      await until(2);
      expect(heard).toEqual([caseNo, caseNo]);
      await view(caseNo); // nothing moved: nothing told
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toHaveLength(2);
    } finally {
      sub.unsubscribe();
    }
  });

  it("answers version 0 from intake's record for a case routing has not picked up yet, and 404 for an unknown one", async () => {
    const caseNo = testCaseNo();
    owners.state.set(caseNo, { intake: intakeCase(caseNo), tasks: [], opinions: [], notice: null, deliveries: [] });
    expect(await view(caseNo)).toMatchObject({ caseNo, status: 'ACCEPTED', version: 0, asOf: '2026-11-23T09:30:12+08:00', tasks: [], deliveries: [] });
    await expect(view(testCaseNo())).rejects.toMatchObject({ status: 404, code: 'CASE.NOT_FOUND' });
  });
});
