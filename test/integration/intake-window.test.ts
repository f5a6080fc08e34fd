import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { Rpc, type AcceptCaseRequest, type Command } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { toShanghai, WorkingCalendar } from '#libs/calendar';
import { Api, caseWhere, idempotencyKey } from '../e2e/support/api.js';
import { startTestStack, type TestStack } from '../e2e/support/stack.js';
import { accept, decide, tryAccept } from '../support/flows.js';
import { freeBasePort } from '../support/free-ports.js';
import { foodBiz, lowIncome, ORG_ID, PERSON_ID, reTransfer, sealFiling } from '../support/intake-applications.js';

/**
 * 前台综合受理 against real PostgreSQL and NATS: the six services as processes, driven over HTTP, with a look at
 * intake's tables where the answer alone cannot show that nothing was written.
 */
describe('the integrated window (intake) over HTTP', () => {
  let t: TestStack;
  let api: Api;
  let db: pg.Client;

  beforeAll(async () => {
    t = await startTestStack({ basePort: await freeBasePort(), namespacePrefix: 'h3_intake' });
    api = t.api;
    db = await t.db();
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

  const caseOf = async (caseNo: string) => (await api.as('supervisor1', 'GET', `/cases/${caseNo}`)).body;

  describe('a retried acceptance whose first reply was lost', () => {
    it('finds the first case by its request id instead of making a second one', async () => {
      const nc = await connect({ servers: t.natsUrl });
      try {
        const rpc = new RpcClient(nc, t.namespace);
        const command: Command<AcceptCaseRequest> = { actor: { id: 'clerk1', role: 'CLERK' }, data: reTransfer() as AcceptCaseRequest, requestId: `clerk1:${idempotencyKey()}` };
        const before = await count(`SELECT count(*) AS n FROM intake.cases`);
        // Sent twice at once and once more after: as a gateway would after an RPC timeout freed its idempotency key.
        const [a, b] = await Promise.all([rpc.request(Rpc.intake.acceptCase, command), rpc.request(Rpc.intake.acceptCase, command)]);
        const c = await rpc.request(Rpc.intake.acceptCase, command);
        expect(new Set([a.caseNo, b.caseNo, c.caseNo]).size).toBe(1);
        expect(await count(`SELECT count(*) AS n FROM intake.cases`)).toBe(before + 1);
        expect(await count(`SELECT count(*) AS n FROM intake.outbox WHERE case_no = $1`, [a.caseNo])).toBe(1);
      } finally {
        await nc.close();
      }
    });
  });

  describe('one-time notice (一次性告知)', () => {
    it('lists every missing and defective material at once, stores the notice, and accepts nothing', async () => {
      const casesBefore = await count(`SELECT count(*) AS n FROM intake.cases`);
      const r = await tryAccept(
        api,
        foodBiz({
          materials: [
            { code: 'M01', provided: true },
            { code: 'M02', provided: true, defective: true, defectReason: '营业执照已过期' },
            { code: 'M04', provided: false },
          ],
        }),
      );
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('CASE.MATERIALS_MISSING');
      const notice = r.body.notice;
      expect(notice.noticeNo).toMatch(/^GZ\d{8}\d{6,}$/);
      expect(notice.itemCode).toBe('FOOD-BIZ');
      expect(notice.issuedAt).toMatch(/\+08:00$/);
      expect(notice.missing).toEqual([
        { code: 'M02', name: '营业执照或其他主体资格证明文件', reason: 'DEFECTIVE', detail: '营业执照已过期', tolerable: false },
        { code: 'M03', name: '与食品经营相适应的主要设备设施布局、操作流程等文件', reason: 'MISSING', tolerable: true },
        { code: 'M04', name: '食品安全自查、从业人员健康管理等食品安全管理制度', reason: 'MISSING', tolerable: true },
      ]);
      expect(r.body.problems.map((p: any) => p.field)).toEqual(['materials.M02', 'materials.M03', 'materials.M04']);
      expect(await count(`SELECT count(*) AS n FROM intake.cases`)).toBe(casesBefore);

      const stored = await api.as('supervisor1', 'GET', `/notices/${notice.noticeNo}`);
      expect(stored.status).toBe(200);
      expect(stored.body).toMatchObject({ noticeNo: notice.noticeNo, itemName: '食品经营许可', itemVersion: 1, centerCode: '510704-C01', issuedBy: 'clerk1' });
      expect(stored.body.missing).toEqual(notice.missing);
      expect(stored.body.applicant.idNumber).toBe('1101**********002X');
      expect((await api.as('clerk1', 'GET', '/notices/GZ20000101000000')).status).toBe(404);
    });

    it('issues a notice for missing tolerable materials unless the clerk asks for tolerant acceptance, and always for others', async () => {
      const without = await tryAccept(api, foodBiz({ materials: [{ code: 'M01', provided: true }, { code: 'M02', provided: true }] }));
      expect(without.status).toBe(422);
      expect(without.body.notice.missing.map((m: any) => [m.code, m.tolerable])).toEqual([['M03', true], ['M04', true]]);
      const notTolerable = await tryAccept(api, foodBiz({ materials: [{ code: 'M02', provided: true }, { code: 'M03', provided: true }, { code: 'M04', provided: true }], tolerant: true }));
      expect(notTolerable.status).toBe(422);
      expect(notTolerable.body.notice.missing.map((m: any) => m.code)).toEqual(['M01']);
      // Two notices, two distinct numbers.
      expect(without.body.notice.noticeNo).not.toBe(notTolerable.body.notice.noticeNo);
    });
  });

  describe('tolerant acceptance (容缺受理)', () => {
    it('records what is pending and by when, takes supplements, and shows supervisors what is overdue', async () => {
      const c = await accept(api, foodBiz({ materials: [{ code: 'M01', provided: true }, { code: 'M02', provided: true }], tolerant: true }));
      const due = toShanghai(WorkingCalendar.official().deadline(new Date(c.acceptedAt), 5).at);
      expect(c.pendingMaterials.map((m: any) => m.code)).toEqual(['M03', 'M04']);
      expect(c.pendingDueAt).toBe(due);
      const details = await caseOf(c.caseNo);
      expect(details.pendingMaterials.map((m: any) => m.code)).toEqual(['M03', 'M04']);
      expect(details.pendingDueAt).toBe(due);

      const bad = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/supplements`, { materials: [{}, { code: 'M99' }] });
      expect(bad.status).toBe(422);
      expect(bad.body.problems.map((p: any) => `${p.field} ${p.rule}`)).toEqual(['materials.0 codeOrName', 'materials.1.code knownMaterial']);
      expect(await count(`SELECT count(*) AS n FROM intake.supplements WHERE case_no = $1`, [c.caseNo])).toBe(0);
      expect((await api.as('clerk1', 'POST', `/cases/510704202001010000011/supplements`, { materials: [{ code: 'M03' }] })).status).toBe(404);

      const first = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/supplements`, { materials: [{ code: 'M03' }] });
      expect(first.status).toBe(201);
      expect(first.body.pendingLeft.map((m: any) => m.code)).toEqual(['M04']);

      // The due date passes with M04 still missing.
      await db.query(`UPDATE intake.cases SET pending_due_at = now() - interval '1 day' WHERE case_no = $1`, [c.caseNo]);
      const overdue = await api.as('supervisor1', 'GET', '/supervision/pending-materials');
      expect(overdue.status).toBe(200);
      const mine = overdue.body.find((o: any) => o.caseNo === c.caseNo);
      expect(mine).toMatchObject({ itemCode: 'FOOD-BIZ', itemName: '食品经营许可', acceptedBy: 'clerk1' });
      expect(mine.pending.map((m: any) => m.code)).toEqual(['M04']);
      expect((await api.as('clerk1', 'GET', '/supervision/pending-materials')).status).toBe(403);

      const note = '申请人补交《食品安全管理制度》原件，经核对无误';
      const last = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/supplements`, { materials: [{ code: 'M04' }], note });
      expect(last.status).toBe(201);
      expect(last.body.pendingLeft).toEqual([]);
      expect(last.body.note).toBe(note);
      const after = await api.as('supervisor1', 'GET', '/supervision/pending-materials');
      expect(after.body.some((o: any) => o.caseNo === c.caseNo)).toBe(false);
      const stored = await db.query(`SELECT note, received_by FROM intake.supplements WHERE case_no = $1 ORDER BY received_at`, [c.caseNo]);
      expect(stored.rows.map((r) => r.note)).toEqual([null, note]);
    });
  });

  describe('immediate items (即办件)', () => {
    it("lets only the item's own chief representative decide at the window, and only an IMMEDIATE item", async () => {
      const otherDept = await tryAccept(api, sealFiling({ decision: 'APPROVE', opinion: '同意' }), 'rep.samr');
      expect([otherDept.status, otherDept.body.code]).toEqual([403, 'CASE.NOT_YOUR_DEPARTMENT']);
      expect((await tryAccept(api, sealFiling(), 'rep.psb')).status).toBe(403);
      expect((await tryAccept(api, sealFiling({ decision: 'APPROVE' }), 'clerk1')).status).toBe(403);
      const promised = await tryAccept(
        api,
        { itemCode: 'ID-CARD', centerCode: '510704-C01', applicant: { type: 'PERSON', name: '李四', idType: 'ID_CARD', idNumber: PERSON_ID, phone: '13812345678' },
          materials: [{ code: 'M01', provided: true }], form: { variant: 'FIRST' }, delivery: { method: 'WINDOW' }, decideNow: { decision: 'APPROVE' } },
        'rep.psb',
      );
      expect(promised.status).toBe(422);
      expect(promised.body.problems.map((p: any) => p.rule)).toEqual(['immediateItemOnly']);
      const noReason = await tryAccept(api, sealFiling({ decision: 'REJECT' }), 'rep.psb');
      expect(noReason.status).toBe(422);
      expect(noReason.body.problems.map((p: any) => p.field)).toEqual(['decideNow.opinion']);
    });

    it('ends a case rejected at the window REJECTED, with the task decided by the representative, and then refuses a withdrawal', async () => {
      const c = await accept(api, sealFiling({ decision: 'REJECT', opinion: '印章样式不符合规定' }), 'rep.psb');
      expect(c.decision).toBe('REJECT');
      const rejected = await caseWhere(api, c.caseNo, (x) => x.status === 'REJECTED', 'REJECTED');
      expect(rejected.tasks).toEqual([expect.objectContaining({ department: 'PSB', status: 'REJECTED', decidedBy: 'rep.psb', opinion: '印章样式不符合规定' })]);
      expect(rejected.acceptedAt).toBe(c.acceptedAt);
      // Asked at once, before intake itself has necessarily heard of the rejection: routing's word is enough.
      const withdraw = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/withdraw`, { reason: '撤回' });
      expect([withdraw.status, withdraw.body]).toEqual([409, expect.objectContaining({ code: 'CASE.NOT_WITHDRAWABLE', status: 'REJECTED' })]);
    });
  });

  describe('reported items (上报件) and any center accepting any item (就近办)', () => {
    it('records the township center and the county authority, routes to its chief representative, and prints both', async () => {
      const c = await accept(api, lowIncome());
      expect(c.decidingAuthority).toEqual({ level: 'county', department: 'CIVIL', departmentName: '民政局' });
      const details = await caseWhere(api, c.caseNo, (x) => x.tasks?.some((task: any) => task.department === 'CIVIL'), 'a CIVIL task');
      expect(details).toMatchObject({ centerCode: '510704-T01', centerName: '城关镇便民服务中心', caseType: 'REPORTED', decidingAuthority: c.decidingAuthority });
      const receipt = await api.as('clerk1', 'GET', `/cases/${c.caseNo}/receipt`);
      expect(receipt.status).toBe(200);
      expect(receipt.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(receipt.body).toContain('县级 民政局（CIVIL）');
      expect(receipt.body).toContain('城关镇便民服务中心（510704-T01）');
      expect(receipt.body).toContain('最低生活保障审核确认');
      expect(receipt.body).not.toContain(PERSON_ID);
    });

    it('lets a township center accept a county item, numbered in the county, and checks a chosen pickup center', async () => {
      const c = await accept(api, reTransfer({ centerCode: '510704-T02' }));
      // 21 characters: region, date, sequence and a MOD 11-2 check character, which may be X.
      expect(c.caseNo).toMatch(/^510704\d{14}[0-9X]$/);
      expect(await caseOf(c.caseNo)).toMatchObject({ centerCode: '510704-T02', centerName: '河西镇便民服务中心' });
      const unknown = await tryAccept(api, foodBiz({ delivery: { method: 'WINDOW', pickupCenter: '510704-T99' } }));
      expect(unknown.status).toBe(422);
      expect(unknown.body.problems.map((p: any) => `${p.field} ${p.rule}`)).toEqual(['delivery.pickupCenter knownCenter']);
    });
  });

  describe('refusal (不予受理)', () => {
    it('records a numbered refusal with its reason, Chinese unchanged, and lists every problem of a bad one', async () => {
      const reason = '申请登记的不动产不在本辖区，不属于本机关职权范围（《不动产登记暂行条例》第七条）';
      const r = await api.as('clerk1', 'POST', '/refusals', {
        itemCode: 'RE-TRANSFER',
        centerCode: '510704-C01',
        applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: PERSON_ID },
        reason,
      });
      expect(r.status).toBe(201);
      expect(r.body.refusalNo).toMatch(/^BY\d{8}\d{6,}$/);
      const got = await api.as('supervisor1', 'GET', `/refusals/${r.body.refusalNo}`);
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ refusalNo: r.body.refusalNo, reason, itemName: '不动产转移登记(存量房买卖)', refusedBy: 'clerk1' });
      expect(got.body.applicant.idNumber).toBe('1101**********002X');
      expect((await api.as('clerk1', 'GET', '/refusals/BY20000101000001')).status).toBe(404);
      expect((await api.as('rep.nrb', 'POST', '/refusals', { itemCode: 'RE-TRANSFER', centerCode: '510704-C01', applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: PERSON_ID }, reason })).status).toBe(403);

      const before = await count(`SELECT count(*) AS n FROM intake.refusals`);
      const bad = await api.as('clerk1', 'POST', '/refusals', {
        itemCode: 'NO-SUCH-ITEM',
        centerCode: '510704-X99',
        applicant: { type: 'ORG', name: '某公司', idType: 'USCC', idNumber: '91510704MA6CU12340' },
        reason: '不属于受理范围',
      });
      expect(bad.status).toBe(422);
      expect(bad.body.problems.map((p: any) => p.field)).toEqual(['itemCode', 'centerCode', 'applicant.idNumber']);
      expect(await count(`SELECT count(*) AS n FROM intake.refusals`)).toBe(before);
    });
  });

  describe('the catalog as versioned data', () => {
    const definition = (overrides: Record<string, unknown> = {}) => ({
      code: 'H3-HYGIENE',
      name: '公共场所卫生许可（试行）',
      powerType: 'LICENSE',
      caseType: 'PROMISED',
      applicantTypes: ['ORG', 'PERSON'],
      legalDays: 20,
      promisedDays: 5,
      reviewPlan: [{ stage: 1, departments: ['HEALTH'], lead: 'HEALTH' }],
      materials: [
        { code: 'M01', name: '卫生许可申请书', required: true, tolerable: false },
        { code: 'M02', name: '卫生管理制度', required: true, tolerable: true },
      ],
      fees: [],
      results: [{ department: 'HEALTH', name: '公共场所卫生许可证' }],
      ...overrides,
    });

    it('refuses a broken item whole, listing every problem, and only from an administrator', async () => {
      expect((await api.as('clerk1', 'POST', '/catalog/items', definition())).status).toBe(403);
      const shape = await api.as('admin', 'POST', '/catalog/items', { ...definition(), legalDays: '20', colour: 'red', materials: [{ code: 'M01', name: 'x', required: 'yes', tolerable: false, extra: 1 }] });
      expect(shape.status).toBe(400);
      expect(shape.body.problems.map((p: any) => p.field).sort()).toEqual(['colour', 'legalDays', 'materials.0.extra', 'materials.0.required']);

      const rules = await api.as(
        'admin',
        'POST',
        '/catalog/items',
        definition({
          caseType: 'SOMETIMES',
          applicantTypes: ['ALIEN'],
          promisedDays: 30,
          reviewPlan: [
            { stage: 1, departments: ['HEALTH', 'MOON'], lead: 'SAMR' },
            { stage: 2, departments: [] },
          ],
          materials: [
            { code: 'M01', name: '申请书', required: true, tolerable: false },
            { code: 'M01', name: '申请书副本', required: true, tolerable: false },
          ],
          fees: [{ code: 'F1', name: '工本费', department: 'HEALTH', kind: 'PER_UNIT', unitPriceFen: 100 }],
        }),
      );
      expect(rules.status).toBe(422);
      expect(rules.body.code).toBe('CATALOG.INVALID');
      expect(rules.body.problems.map((p: any) => `${p.field} ${p.rule}`).sort()).toEqual(
        [
          'caseType isIn',
          'applicantTypes.0 isIn',
          'promisedDays promisedNotAboveLegal',
          'reviewPlan.0.departments.1 knownDepartment',
          'reviewPlan.0.lead leadInStage',
          'reviewPlan.1.departments stageNotEmpty',
          'materials.1.code uniqueMaterialCode',
          'fees.0.quantityFrom feeRuleShape',
        ].sort(),
      );
      expect(await count(`SELECT count(*) AS n FROM intake.service_items WHERE code = 'H3-HYGIENE'`)).toBe(0);
    });

    it('publishes versions; a case keeps the version it was accepted under', async () => {
      const created = await api.as('admin', 'POST', '/catalog/items', definition());
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'H3-HYGIENE', version: 1, name: '公共场所卫生许可（试行）' });
      expect((await api.as('admin', 'POST', '/catalog/items', definition())).status).toBe(409);

      const application = {
        itemCode: 'H3-HYGIENE',
        centerCode: '510704-C01',
        applicant: { type: 'ORG', name: '示范宾馆有限公司', idType: 'USCC', idNumber: ORG_ID, phone: '13812345678' },
        materials: [{ code: 'M01', provided: true }, { code: 'M02', provided: true }],
        delivery: { method: 'WINDOW' },
      };
      const underV1 = await accept(api, application);

      const v2 = await api.as('admin', 'PUT', '/catalog/items/H3-HYGIENE', definition({ code: undefined, name: '公共场所卫生许可', promisedDays: 3 }));
      expect(v2.status).toBe(200);
      expect(v2.body).toMatchObject({ version: 2, name: '公共场所卫生许可' });
      const again = await api.as('admin', 'PUT', '/catalog/items/H3-HYGIENE', definition({ name: '公共场所卫生许可', promisedDays: 3 }));
      expect(again.body.version).toBe(2);
      expect((await api.as('admin', 'PUT', '/catalog/items/H3-HYGIENE', definition({ code: 'OTHER' }))).status).toBe(422);
      expect((await api.as('admin', 'PUT', '/catalog/items/H3-NOPE', definition({ code: undefined }))).status).toBe(404);
      expect((await api.as('clerk1', 'GET', '/catalog/items/H3-HYGIENE')).body).toMatchObject({ version: 2, name: '公共场所卫生许可', promisedDays: 3 });

      const old = await caseOf(underV1.caseNo);
      expect(old).toMatchObject({ itemVersion: 1, itemName: '公共场所卫生许可（试行）', promisedDeadline: underV1.promisedDeadline });
      expect((await api.as('clerk1', 'GET', `/cases/${underV1.caseNo}/receipt`)).body).toContain('公共场所卫生许可（试行）（H3-HYGIENE，第 1 版）');
      const underV2 = await accept(api, application);
      expect(await caseOf(underV2.caseNo)).toMatchObject({ itemVersion: 2, itemName: '公共场所卫生许可' });
    });

    it('lists departments and centers for staff', async () => {
      const departments = await api.as('clerk1', 'GET', '/catalog/departments');
      expect(departments.body).toContainEqual({ code: 'CIVIL', name: '民政局' });
      const centers = await api.as('rep.psb', 'GET', '/catalog/centers');
      expect(centers.body.map((c: any) => c.code)).toEqual(['510704-C01', '510704-T01', '510704-T02']);
      expect((await api.as(null, 'GET', '/catalog/centers')).status).toBe(401);
    });
  });

  describe('withdrawal (撤回)', () => {
    it('voids an unpaid notice; refuses a second withdrawal, a supplement afterwards and an unknown case', async () => {
      const c = await accept(api, reTransfer());
      await Promise.all(['rep.hud', 'rep.tax', 'rep.nrb'].map((rep) => decide(api, rep, c.caseNo)));
      const awaiting = await caseWhere(api, c.caseNo, (x) => x.paymentNotice?.status === 'UNPAID', 'a payment notice');
      const reason = '申请人与买方协商解除合同，主动撤回';
      const w = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/withdraw`, { reason });
      expect(w.status).toBe(200);
      expect(w.body).toMatchObject({ caseNo: c.caseNo, status: 'WITHDRAWN', reason });
      const done = await caseWhere(api, c.caseNo, (x) => x.status === 'WITHDRAWN' && x.paymentNotice?.status === 'VOID', 'WITHDRAWN with the notice void');
      expect(done.withdrawReason).toBe(reason);
      const pay = await api.as('finance1', 'POST', `/payment-notices/${awaiting.paymentNotice.noticeNo}/payments`, { amountFen: 8000, channel: 'POS', reference: `POS-${c.caseNo}` });
      expect(pay.status).toBe(409);

      const second = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/withdraw`, { reason: '再次撤回' });
      expect(second.body).toMatchObject({ code: 'CASE.NOT_WITHDRAWABLE', status: 'WITHDRAWN' });
      expect(second.status).toBe(409);
      expect((await api.as('clerk1', 'POST', `/cases/${c.caseNo}/supplements`, { materials: [{ code: 'M06' }] })).status).toBe(409);
      expect((await api.as('clerk1', 'POST', '/cases/510704202001010000011/withdraw', { reason: 'x' })).status).toBe(404);
      const blank = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/withdraw`, { reason: '  ', extra: true });
      expect(blank.status).toBe(400);
      expect(blank.body.problems.map((p: any) => p.field).sort()).toEqual(['extra', 'reason']);
    });

    it('marks a paid notice REFUND_DUE and cancels the delivery waiting at the courier desk', async () => {
      const c = await accept(api, reTransfer());
      await Promise.all(['rep.hud', 'rep.tax', 'rep.nrb'].map((rep) => decide(api, rep, c.caseNo)));
      const awaiting = await caseWhere(api, c.caseNo, (x) => x.paymentNotice?.status === 'UNPAID', 'a payment notice');
      const pay = await api.as('finance1', 'POST', `/payment-notices/${awaiting.paymentNotice.noticeNo}/payments`, { amountFen: 8000, channel: 'POS', reference: `POS-${c.caseNo}` });
      expect(pay.status).toBe(201);
      await caseWhere(api, c.caseNo, (x) => x.status === 'READY_FOR_DELIVERY', 'READY_FOR_DELIVERY');
      expect((await api.as('clerk1', 'POST', `/cases/${c.caseNo}/withdraw`, { reason: '不再需要' })).status).toBe(200);
      const done = await caseWhere(
        api,
        c.caseNo,
        (x) => x.status === 'WITHDRAWN' && x.paymentNotice?.status === 'REFUND_DUE' && x.deliveries?.[0]?.status === 'CANCELLED',
        'refund due and delivery cancelled',
      );
      const dispatch = await api.as('courier1', 'POST', `/deliveries/${done.deliveries[0].deliveryId}/dispatch`, { carrier: 'EMS', waybillNo: 'EMS1' });
      expect(dispatch.status).toBe(409);
    });

    it('refuses a withdrawal once the result was collected', async () => {
      const c = await accept(api, sealFiling({ decision: 'APPROVE', opinion: '准予备案' }), 'rep.psb');
      const ready = await caseWhere(api, c.caseNo, (x) => x.status === 'READY_FOR_DELIVERY', 'READY_FOR_DELIVERY');
      const pickup = await api.as('clerk1', 'POST', `/deliveries/${ready.deliveries[0].deliveryId}/pickup`, { pickupCode: await t.pickupCode(c.caseNo), idNumber: ORG_ID });
      expect(pickup.status).toBe(200);
      // Right after the pickup: delivery's word counts even if intake has not handled the delivered event yet.
      const refused = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/withdraw`, { reason: '撤回' });
      expect([refused.status, refused.body.status]).toEqual([409, 'DELIVERED']);
      await caseWhere(api, c.caseNo, (x) => x.status === 'DELIVERED' && !x.withdrawnAt, 'still DELIVERED');
      expect((await db.query(`SELECT status FROM intake.cases WHERE case_no = $1`, [c.caseNo])).rows[0].status).not.toBe('WITHDRAWN');
    });
  });

  describe('bad input', () => {
    it('answers 400 with every shape problem, unknown nested fields included, and 422 with every rule broken, writing nothing', async () => {
      const before = await count(`SELECT count(*) AS n FROM intake.cases`);
      const eventsBefore = await count(`SELECT count(*) AS n FROM intake.outbox`);
      const shape = await tryAccept(api, {
        ...foodBiz(),
        tolerant: 'yes',
        materials: [{ code: 'M01', provided: true, colour: 'red' }, { code: 'M02', provided: 'yes' }],
        decideNow: { decision: 'MAYBE' },
      });
      expect(shape.status).toBe(400);
      expect(shape.body.problems.map((p: any) => p.field).sort()).toEqual(['decideNow.decision', 'materials.0.colour', 'materials.1.provided', 'tolerant']);

      const rules = await tryAccept(
        api,
        foodBiz({
          centerCode: '510704-X99',
          applicant: { type: 'PERSON', name: '李四', idType: 'ID_CARD', idNumber: '110105194912310021', phone: '12345' },
          materials: [...foodBiz().materials, { code: 'M77', provided: true }],
        }),
      );
      expect(rules.status).toBe(422);
      expect(rules.body.problems.map((p: any) => p.field)).toEqual(['centerCode', 'applicant.idNumber', 'applicant.phone', 'materials[4].code']);
      expect(await count(`SELECT count(*) AS n FROM intake.cases`)).toBe(before);
      expect(await count(`SELECT count(*) AS n FROM intake.outbox`)).toBe(eventsBefore);
    });

    it('keeps Chinese text exactly as sent', async () => {
      const name = '欧阳·娜娜（测试）';
      const c = await accept(api, foodBiz({ applicant: { type: 'PERSON', name, idType: 'ID_CARD', idNumber: PERSON_ID, phone: '13812345678' } }));
      expect((await caseOf(c.caseNo)).applicant.name).toBe(name);
      const stored = await db.query(`SELECT applicant->>'name' AS name FROM intake.cases WHERE case_no = $1`, [c.caseNo]);
      expect(stored.rows[0].name).toBe(name);
    });
  });
});
