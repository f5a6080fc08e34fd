import { randomUUID } from 'node:crypto';
import { ACCESS_POLICY, cellsOf, POLICY_ROLES, type PolicyRole, type PolicyRow } from '../../apps/gateway/src/access/access-policy.js';
import { lowIncome, reTransfer } from '../support/intake-applications.js';
import { freeBasePort } from '../support/free-ports.js';
import { eventually, type Reply } from './support/api.js';
import { makeFixtures, REFUSAL_BODY, type Fixtures } from './support/hostile/fixtures.js';
import { ROUTES, USERS_BY_ROLE, type RouteDef, type Variant } from './support/hostile/routes.js';
import { startTestStack, type TestStack } from './support/stack.js';

/**
 * Issue #11, least privilege. One data table (ACCESS_POLICY, printed as docs/ACCESS.md) walked cell by cell: every
 * endpoint × every role (and the public), allowed or scoped → neither 401 nor 403, denied → 403 (public: 401). The
 * requests are the hostile-input route table's valid ones (test/e2e/support/hostile/routes.ts) on its fixtures,
 * as a user of the role. Then BOLA: every route that takes an object id, called with an object outside the caller's
 * scope (another center's case for a clerk of one center, another department's case for a chief representative, a
 * WINDOW delivery for the courier), answers what an unknown id answers (404), or 403 where the role may not.
 */

/** Routes whose own answer to the table's request is a 401 (a wrong password, an unsigned callback, a made-up refresh token). */
const ANSWERS_401_BY_DESIGN = new Set(['POST /api/v1/auth/password', 'POST /api/v1/auth/refresh', 'POST /api/v1/payments/callback']);
const UNKNOWN_CASE = '510704202601010000011';
const UNKNOWN_UUID = '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a99';

const keyOf = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('access matrix and BOLA (issue #11)', () => {
  let t: TestStack;
  let fx: Fixtures;
  const routeOf = new Map(ROUTES.map((r) => [keyOf(r), r]));

  beforeAll(async () => {
    t = await startTestStack({ basePort: await freeBasePort(), namespacePrefix: 'access_e2e' });
    fx = await makeFixtures(t.api, (caseNo) => t.pickupCode(caseNo));
  }, 240_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  /** The user a role's cell is tried as: the route's own variant for that role when it has one, else one in its scope. */
  function attempt(route: RouteDef, role: PolicyRole): { user: string | null; v: Variant } {
    const variants = route.variants(fx);
    if (role === 'public') return { user: null, v: variants[0] };
    const own = variants.find((v) => !!v.user && (USERS_BY_ROLE[role].includes(v.user) || (role === 'CHIEF_REP' && v.user.startsWith('rep.'))));
    if (own) return { user: own.user, v: own };
    const v = variants[0];
    if (role !== 'CHIEF_REP') return { user: USERS_BY_ROLE[role][0], v };
    // A chief representative of a department of the case the route names: PSB decided the SEAL-FILING cases.
    const caseNo = v.params?.caseNo;
    return { user: caseNo === fx.windowDelivery.caseNo || caseNo === fx.courierDelivery.caseNo ? 'rep.psb' : 'rep.nrb', v };
  }

  function call(route: RouteDef, user: string | null, v: Variant, params: Record<string, string> = {}): Promise<Reply> {
    const all = { ...v.params, ...params };
    const path = route.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(all[p]));
    const query = Object.entries(v.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
    const qs = query.length ? `?${new URLSearchParams(query)}` : '';
    const headers = route.method === 'POST' ? { 'Idempotency-Key': randomUUID() } : undefined;
    return user === null
      ? t.api.request(route.method, path + qs, { body: v.body, headers })
      : t.api.login(user).then((token) => t.api.request(route.method, path + qs, { body: v.body, token, headers }));
  }

  it('every route of the gateway is in the table, and every row has a route to call', async () => {
    const docs = (await t.api.request('GET', '/docs-json')).body;
    const documented = Object.entries(docs.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.startsWith('/api/v1') || path === '/health' ? path : `/api/v1${path}`}`),
    );
    const table = new Set(ACCESS_POLICY.map(keyOf));
    expect(documented.filter((k) => !table.has(k))).toEqual([]);
    expect(ACCESS_POLICY.map(keyOf).filter((k) => !routeOf.has(k))).toEqual([]);
    // The OpenAPI document lists each operation's roles (from @Roles, at document build).
    const cases = docs.paths['/api/v1/cases/{caseNo}'].get;
    expect(cases['x-roles']).toEqual(['SUPERVISOR', 'FINANCE', 'CLERK', 'CHIEF_REP']);
    expect(cases['x-case-scoped']).toBe(true);
    expect(cases.description).toMatch(/Roles: SUPERVISOR, FINANCE, CLERK, CHIEF_REP/);
    expect(docs.paths['/api/v1/auth/login'].post['x-roles']).toEqual([]);
  });

  describe('BOLA: an object outside the caller scope answers as an unknown one', () => {
    const CLERK_T01 = 'clerk.t01';
    const PASSWORD = '乡镇窗口一号的新密码2026';
    let t01Case: string;

    beforeAll(async () => {
      const made = await t.api.as('admin', 'POST', '/admin/users', { username: CLERK_T01, displayName: '乡镇窗口 1 号', roles: ['CLERK'], centers: ['510704-T01'] });
      expect(made.status).toBe(201);
      const first = await t.api.request('POST', '/api/v1/auth/login', { body: { username: CLERK_T01, password: made.body.oneTimePassword } });
      const changed = await t.api.request('POST', '/api/v1/auth/password', { body: { currentPassword: made.body.oneTimePassword, newPassword: PASSWORD }, token: first.body.accessToken });
      expect(changed.status).toBe(204);
      await t.api.login(CLERK_T01, PASSWORD);
      t01Case = (await t.api.as('clerk1', 'POST', '/cases', lowIncome(), { 'Idempotency-Key': randomUUID() })).body.caseNo;
    }, 60_000);

    /** The same request on the out-of-scope object and on an unknown one: both 404 with the same code (or a 403). */
    async function sameAsUnknown(user: string, key: string, params: Record<string, string>, unknown: Record<string, string>, variant?: Partial<Variant>) {
      const route = routeOf.get(key)!;
      const v = { ...route.variants(fx)[0], ...variant };
      const [out, none] = await Promise.all([call(route, user, v, params), call(route, user, v, unknown)]);
      const what = `${key} as ${user} on ${JSON.stringify(params)}: ${out.status} ${JSON.stringify(out.body)?.slice(0, 200)}`;
      expect([what, [403, 404].includes(out.status)]).toEqual([what, true]);
      // Where existence must not leak: the code an unknown one gets (when the made-up id is well-formed enough to be one).
      if (out.status === 404 && none.status === 404) expect([what, out.body?.code]).toEqual([what, none.body?.code]);
    }

    it("a clerk of one center: another center's cases, notices, refusals and certificates are unknown to them", async () => {
      const P = '/api/v1';
      for (const caseNo of [fx.reviewCase.caseNo, fx.paymentNotice.caseNo, fx.windowDelivery.caseNo, fx.surveyCase.caseNo]) {
        for (const path of ['/cases/{caseNo}', '/cases/{caseNo}/timeline', '/cases/{caseNo}/receipt', '/cases/{caseNo}/site-surveys', '/cases/{caseNo}/payment-notice', '/cases/{caseNo}/decision-letter']) {
          await sameAsUnknown(CLERK_T01, `GET ${P}${path}`, { caseNo }, { caseNo: UNKNOWN_CASE });
        }
        await sameAsUnknown(CLERK_T01, `POST ${P}/cases/{caseNo}/supplements`, { caseNo }, { caseNo: UNKNOWN_CASE });
        await sameAsUnknown(CLERK_T01, `POST ${P}/cases/{caseNo}/withdraw`, { caseNo }, { caseNo: UNKNOWN_CASE });
      }
      await sameAsUnknown(CLERK_T01, `GET ${P}/payment-notices/{noticeNo}`, { noticeNo: fx.paymentNotice.noticeNo }, { noticeNo: 'PN202601010000001' });
      await sameAsUnknown(CLERK_T01, `GET ${P}/payment-notices/{noticeNo}/print`, { noticeNo: fx.paymentNotice.noticeNo }, { noticeNo: 'PN202601010000001' });
      await sameAsUnknown(CLERK_T01, `GET ${P}/notices/{noticeNo}`, { noticeNo: fx.oneTimeNoticeNo }, { noticeNo: 'GZ20260101000001' });
      await sameAsUnknown(CLERK_T01, `GET ${P}/refusals/{refusalNo}`, { refusalNo: fx.refusalNo }, { refusalNo: 'BY20260101000001' });
      await sameAsUnknown(CLERK_T01, `GET ${P}/certificates/{certificateNo}/print`, { certificateNo: fx.certificateNo }, { certificateNo: 'ZZ-NO-SUCH-CERT' });

      // Lists leave them out; writes at another center are refused.
      const search = await t.api.as(CLERK_T01, 'GET', '/cases?limit=200');
      expect(search.status).toBe(200);
      const own = await eventually(async () => {
        const r = await t.api.as(CLERK_T01, 'GET', '/cases?limit=200');
        return r.body.items.some((c: { caseNo: string }) => c.caseNo === t01Case) ? r.body.items : undefined;
      }, 'the T01 case in the clerk.t01 search');
      expect(own.map((c: { caseNo: string }) => c.caseNo)).not.toContain(fx.reviewCase.caseNo);
      expect((await t.api.as(CLERK_T01, 'GET', `/cases/${t01Case}`)).status).toBe(200);
      const windows = await t.api.as(CLERK_T01, 'GET', '/deliveries?status=READY&method=WINDOW');
      expect(windows.body.items.map((d: { deliveryId: string }) => d.deliveryId)).not.toContain(fx.windowDelivery.deliveryId);
      expect((await t.api.as(CLERK_T01, 'POST', '/cases', reTransfer(), { 'Idempotency-Key': randomUUID() })).status).toBe(403);
      expect((await t.api.as(CLERK_T01, 'POST', '/refusals', REFUSAL_BODY, { 'Idempotency-Key': randomUUID() })).status).toBe(403);
    }, 120_000);

    it("a chief representative: another department's case is unknown; an active backup sees the department's", async () => {
      const P = '/api/v1';
      for (const [user, caseNo] of [
        ['rep.samr', fx.reviewCase.caseNo],
        ['rep.samr', fx.surveyCase.caseNo],
        ['rep.nrb', fx.windowDelivery.caseNo],
        ['rep.tax', fx.surveyCase.caseNo],
      ] as const) {
        for (const path of ['/cases/{caseNo}', '/cases/{caseNo}/timeline', '/cases/{caseNo}/site-surveys', '/cases/{caseNo}/payment-notice']) {
          await sameAsUnknown(user, `GET ${P}${path}`, { caseNo }, { caseNo: UNKNOWN_CASE });
        }
        await sameAsUnknown(user, `POST ${P}/cases/{caseNo}/opinions`, { caseNo }, { caseNo: UNKNOWN_CASE });
        await sameAsUnknown(user, `POST ${P}/cases/{caseNo}/site-surveys`, { caseNo }, { caseNo: UNKNOWN_CASE });
      }
      // Another department's task: approval refuses it (403 TASK.NOT_YOURS) or does not know it.
      for (const key of [`POST ${P}/tasks/{taskId}/decision`, `POST ${P}/tasks/{taskId}/extension`, `POST ${P}/tasks/{taskId}/assign`]) {
        await sameAsUnknown('rep.samr', key, { taskId: fx.surveyCase.tasks.WRB }, { taskId: UNKNOWN_UUID }, { user: 'rep.samr' });
      }
      await sameAsUnknown('rep.samr', `POST ${P}/site-surveys/{surveyId}/findings`, { surveyId: fx.surveyCase.surveyId }, { surveyId: UNKNOWN_UUID });
      const search = await t.api.as('rep.samr', 'GET', '/cases?limit=200');
      expect(search.status).toBe(200);
      expect(search.body.items.map((c: { caseNo: string }) => c.caseNo)).not.toContain(fx.surveyCase.caseNo);
      // backup.nrb stands in for rep.nrb (the fixtures' delegation): NRB's cases are theirs while it is active.
      expect((await t.api.as('backup.nrb', 'GET', `/cases/${fx.surveyCase.caseNo}`)).status).toBe(200);
      expect((await t.api.as('backup.nrb', 'GET', `/cases/${fx.windowDelivery.caseNo}`)).status).toBe(404);
    }, 120_000);

    it('a courier: COURIER deliveries only, with what delivering needs; a WINDOW delivery is unknown to them', async () => {
      const P = '/api/v1';
      const window = await t.api.as('courier1', 'GET', '/deliveries?method=WINDOW');
      expect(window.status).toBe(403);
      for (const action of ['dispatch', 'tracking', 'delivered']) {
        await sameAsUnknown('courier1', `POST ${P}/deliveries/{deliveryId}/${action}`, { deliveryId: fx.windowDelivery.deliveryId }, { deliveryId: UNKNOWN_UUID });
      }
      await sameAsUnknown('courier1', `GET ${P}/certificates/{certificateNo}/print`, { certificateNo: fx.certificateNo }, { certificateNo: 'ZZ-NO-SUCH-CERT' });
      await sameAsUnknown('courier1', `GET ${P}/cases/{caseNo}/decision-letter`, { caseNo: fx.windowDelivery.caseNo }, { caseNo: UNKNOWN_CASE });
      expect((await t.api.as('courier1', 'GET', `/cases/${fx.courierDelivery.caseNo}`)).status).toBe(403);
      const list = await t.api.as('courier1', 'GET', '/deliveries?limit=200');
      expect(list.status).toBe(200);
      for (const d of list.body.items) {
        expect(d.method).toBe('COURIER');
        expect(d).not.toHaveProperty('pickupCenter');
        expect(d).not.toHaveProperty('proxy');
        if (d.phone) expect(d.phone).toMatch(/\*{4}/);
      }
    }, 120_000);

    it('finance reads a case summary with the ID number and phone masked', async () => {
      const r = await t.api.as('finance1', 'GET', `/cases/${fx.paymentNotice.caseNo}`);
      expect(r.status).toBe(200);
      expect(r.body.applicant.idNumber).toMatch(/\*/);
      expect(r.body.applicant.phone).toMatch(/\*/);
      expect((await t.api.as('finance1', 'GET', `/cases/${fx.paymentNotice.caseNo}/timeline`)).status).toBe(403);
    });
  });

  it('walks the table: every role × every endpoint (allowed or scoped → neither 401 nor 403; denied → 403)', async () => {
    const cells: { row: PolicyRow; role: PolicyRole; cell: string }[] = ACCESS_POLICY.flatMap((row) =>
      POLICY_ROLES.map((role) => ({ row, role, cell: cellsOf(row)[role] })),
    );
    // After the BOLA tests (which need the fixtures as made). Denied cells first (nothing happens), then reads, then
    // writes, the withdrawal and a revocation last: a write must not take away what a later cell needs.
    const rank = (c: (typeof cells)[number]) => {
      if (c.cell === '-') return 0;
      if (c.row.method === 'GET') return 1;
      if (/withdraw|delegations\/\{id\}|logout/.test(c.row.path)) return 3;
      return 2;
    };
    cells.sort((a, b) => rank(a) - rank(b));
    const wrong: string[] = [];
    for (const { row, role, cell } of cells) {
      const route = routeOf.get(keyOf(row))!;
      const { user, v } = attempt(route, role);
      const r = await call(route, user, v);
      const name = `${keyOf(row)} as ${role} (${user ?? 'no login'}), ${cell}: ${r.status} ${JSON.stringify(r.body)?.slice(0, 160)}`;
      if (cell === '-') {
        if (r.status !== (role === 'public' ? 401 : 403)) wrong.push(name);
      } else if (r.status === 403 || (r.status === 401 && !ANSWERS_401_BY_DESIGN.has(keyOf(row)))) {
        wrong.push(name);
      }
    }
    console.log(`access matrix: ${ACCESS_POLICY.length} routes × ${POLICY_ROLES.length} roles (with the public) = ${cells.length} cells`);
    expect(wrong).toEqual([]);
  }, 300_000);
});
