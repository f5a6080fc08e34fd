// The bench's HTTP client of the gateway: logins (again on a 401: an access token lives at most 15 minutes), an
// Idempotency-Key on every POST, a time limit on every request, and counts of what it sent.
import { randomUUID } from 'node:crypto';

export const USERS = ['clerk1', 'finance1', 'courier1', 'supervisor1', 'rep.hud', 'rep.tax', 'rep.nrb', 'rep.samr', 'rep.psb', 'rep.hrss'];

export function createApi(base, { requestTimeoutMs = 30000, password = process.env.DEMO_PASSWORD ?? 'demo-password' } = {}) {
  const tokens = new Map();
  const counts = { commands: 0, reads: 0, logins: 0, timeouts: 0 };

  async function raw(method, path, body, headers = {}) {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(requestTimeoutMs),
    }).catch((e) => {
      if (e?.name === 'TimeoutError') counts.timeouts++;
      throw new Error(`${method} ${path}: ${e?.name === 'TimeoutError' ? `no answer in ${requestTimeoutMs} ms` : (e?.cause?.code ?? e?.message ?? String(e))}`);
    });
    const text = await res.text();
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  }

  async function login(user) {
    counts.logins++;
    const r = await raw('POST', '/auth/login', { username: user, password }, { 'idempotency-key': randomUUID() });
    if (r.status !== 200 && r.status !== 201) throw new Error(`login ${user}: ${r.status} ${JSON.stringify(r.body)}`);
    tokens.set(user, r.body.accessToken);
    return r.body.accessToken;
  }

  /** One request as `user` (null: none). A POST gets a fresh Idempotency-Key, kept for the retry after a 401. */
  async function call(user, method, path, body) {
    const key = method === 'POST' ? randomUUID() : undefined;
    if (method === 'GET') counts.reads++;
    else counts.commands++;
    for (let attempt = 0; ; attempt++) {
      const headers = {};
      if (user) headers.authorization = `Bearer ${tokens.get(user) ?? (await login(user))}`;
      if (key) headers['idempotency-key'] = key;
      const r = await raw(method, path, body, headers);
      if (r.status === 401 && user && attempt === 0) {
        await login(user);
        continue;
      }
      return r;
    }
  }

  return { base, call, login, counts, loginAll: (users = USERS) => Promise.all(users.map(login)) };
}
