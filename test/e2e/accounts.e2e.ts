import jwt from 'jsonwebtoken';
import { Api, type Reply } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

// The stack runs with the development secret (no JWT_SECRET set): a token signed with it is exactly what an
// attacker who learned a weak secret could mint, which the gateway must still refuse unless the user is real.
const DEV_SECRET = 'dev-only-secret-change-me';

/** Accounts and sessions (issue #11): one-time passwords, the password policy, lockout, rotating refresh tokens. */
describe('accounts and sessions', () => {
  let t: TestStack;
  let api: Api;

  beforeAll(async () => {
    // The user cache off, so "disabled" takes effect on the next request instead of within 30 s.
    t = await startTestStack({ namespacePrefix: 'accounts', env: { USER_CACHE_MS: '0' } });
    api = t.api;
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  const post = (path: string, body: unknown, token?: string): Promise<Reply> => api.request('POST', `/api/v1${path}`, { body, token });
  const login = (username: string, password: string) => post('/auth/login', { username, password });
  const get = (path: string, token: string) => api.request('GET', `/api/v1${path}`, { token });

  async function newUser(username: string, roles = ['CLERK']): Promise<string> {
    const r = await api.as('admin', 'POST', '/admin/users', { username, displayName: `测试 ${username}`, roles, centers: ['510704-C01'] });
    expect(r.status).toBe(201);
    return r.body.oneTimePassword;
  }

  async function withOwnPassword(username: string, password = '窗口新密码-2026-足够长'): Promise<string> {
    const otp = await newUser(username);
    const first = await login(username, otp);
    await post('/auth/password', { currentPassword: otp, newPassword: password }, first.body.accessToken);
    return password;
  }

  it('an administrator creates an account with a one-time password the user must replace, by the policy', async () => {
    expect((await api.as('clerk1', 'POST', '/admin/users', { username: 'clerk7', displayName: 'x', roles: ['CLERK'] })).status).toBe(403);
    const otp = await newUser('clerk9');
    expect(otp).toMatch(/^[A-Za-z0-9]{16}$/);
    expect((await api.as('admin', 'POST', '/admin/users', { username: 'clerk9', displayName: 'again', roles: ['CLERK'] })).status).toBe(409);

    const first = await login('clerk9', otp);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ passwordChangeRequired: true, expiresIn: 900, refreshToken: expect.any(String) });
    const blocked = await get('/catalog/items', first.body.accessToken);
    expect([blocked.status, blocked.body.code]).toEqual([403, 'AUTH.PASSWORD_CHANGE_REQUIRED']);

    const weak = await post('/auth/password', { currentPassword: otp, newPassword: 'clerk9' }, first.body.accessToken);
    expect([weak.status, weak.body.code]).toEqual([422, 'AUTH.PASSWORD_POLICY']);
    expect(weak.body.problems.map((p: { rule: string }) => p.rule)).toEqual(['minLength', 'notUsername']);
    expect((await post('/auth/password', { currentPassword: otp, newPassword: 'password123' }, first.body.accessToken)).body.problems[0].rule).toBe('notCommon');
    expect((await post('/auth/password', { currentPassword: otp, newPassword: '窗口九号的新密码2026' }, first.body.accessToken)).status).toBe(204);

    expect((await login('clerk9', otp)).status).toBe(401);
    const again = await login('clerk9', '窗口九号的新密码2026');
    expect([again.status, again.body.passwordChangeRequired]).toEqual([200, false]);
    expect((await get('/catalog/items', again.body.accessToken)).status).toBe(200);
  });

  it('five failed logins in a row lock the account for 15 minutes, even for the right password (423, Retry-After)', async () => {
    const password = await withOwnPassword('clerk8');
    for (let i = 0; i < 4; i++) expect((await login('clerk8', `wrong-password-${i}`)).status).toBe(401);
    const fifth = await login('clerk8', 'wrong-password-5');
    expect([fifth.status, fifth.body.code]).toEqual([423, 'AUTH.ACCOUNT_LOCKED']);
    const right = await login('clerk8', password);
    expect([right.status, right.body.code]).toEqual([423, 'AUTH.ACCOUNT_LOCKED']);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(800);
    const db = await t.db();
    const { rows } = await db.query(`SELECT outcome, ip FROM gateway.security_log WHERE action = 'LOGIN' AND target = 'clerk8' ORDER BY id`);
    expect(rows.map((r: { outcome: string }) => r.outcome)).toEqual(['OK', 'FAILED', 'FAILED', 'FAILED', 'FAILED', 'FAILED', 'LOCKED']);
    expect(rows[0].ip).toBeTruthy();
  });

  it('a refresh token works once; a spent one used again revokes the whole login; logout ends a session', async () => {
    const password = await withOwnPassword('clerk6');
    const l = await login('clerk6', password);
    const r1 = l.body.refreshToken;
    const second = await post('/auth/refresh', { refreshToken: r1 });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(r1);
    expect((await get('/catalog/items', second.body.accessToken)).status).toBe(200);

    const reused = await post('/auth/refresh', { refreshToken: r1 });
    expect([reused.status, reused.body.code]).toEqual([401, 'AUTH.REFRESH_REUSED']);
    // The thief's copy is spent too: the legitimate newer token of the same login no longer works.
    expect((await post('/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(401);

    const l2 = await login('clerk6', password);
    expect((await post('/auth/logout', { refreshToken: l2.body.refreshToken }, l2.body.accessToken)).status).toBe(204);
    expect((await post('/auth/refresh', { refreshToken: l2.body.refreshToken })).status).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: 'not-a-token' })).status).toBe(401);
  });

  it("a disabled user's refresh fails at once and their access token stops", async () => {
    const password = await withOwnPassword('clerk5');
    const l = await login('clerk5', password);
    const off = await api.as('admin', 'PATCH', '/admin/users/clerk5', { disabled: true });
    expect([off.status, off.body.disabled]).toEqual([200, true]);
    expect((await post('/auth/refresh', { refreshToken: l.body.refreshToken })).status).toBe(401);
    expect((await get('/catalog/items', l.body.accessToken)).status).toBe(401);
    expect((await login('clerk5', password)).status).toBe(401);
    expect((await api.as('admin', 'PATCH', '/admin/users/clerk5', { disabled: false })).status).toBe(200);
    const reset = await api.as('admin', 'POST', '/admin/users/clerk5/reset-password', {});
    expect([reset.status, (await login('clerk5', reset.body.oneTimePassword)).body.passwordChangeRequired]).toEqual([200, true]);
  });

  it('refuses tokens for unknown users, with roles or a department the user does not hold, without exp, or for another audience', async () => {
    const sign = (claims: object, opts: jwt.SignOptions = {}) =>
      jwt.sign(claims, DEV_SECRET, { algorithm: 'HS256', expiresIn: 600, issuer: 'one-window-gateway', audience: 'one-window-api', ...opts });
    const tries = {
      unknownUser: sign({ sub: 'nobody', roles: ['ADMIN'] }),
      extraRole: sign({ sub: 'clerk1', roles: ['CLERK', 'ADMIN'] }),
      forgedDepartment: sign({ sub: 'rep.nrb', roles: ['CHIEF_REP'], department: 'TAX' }),
      otherAudience: sign({ sub: 'clerk1', roles: ['CLERK'] }, { audience: 'someone-else' }),
      noExp: jwt.sign({ sub: 'clerk1', roles: ['CLERK'], iss: 'one-window-gateway', aud: 'one-window-api' }, DEV_SECRET, { algorithm: 'HS256' }),
      algNone: jwt.sign({ sub: 'clerk1', roles: ['CLERK'] }, '', { algorithm: 'none', issuer: 'one-window-gateway', audience: 'one-window-api', expiresIn: 600 }),
    };
    for (const [what, token] of Object.entries(tries)) expect([what, (await get('/catalog/items', token)).status]).toEqual([what, 401]);
    // The same shape, for the real user and roles, is accepted: the refusals above are about the claims.
    expect((await get('/catalog/items', sign({ sub: 'clerk1', roles: ['CLERK'] }))).status).toBe(200);
  });

  it('answers with security headers and no CORS unless configured', async () => {
    const r = await api.request('GET', '/api/v1/catalog/items', { headers: { origin: 'https://evil.example' } });
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('strict-transport-security')).toContain('max-age=');
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});
