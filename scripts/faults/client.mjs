// The fault suite's HTTP client: what a real client of the gateway does when answers get lost.
// - A command (POST) carries one Idempotency-Key for all its attempts, and is sent again after a timeout, a connection
//   error, a 5xx (502/503/504 above all: the gateway's "service not answering"), or 409 IDEMPOTENCY.IN_PROGRESS (the
//   first attempt's claim is still there: "retry shortly"), with a growing, jittered backoff.
// - A read is simply sent again.
// - A 401 (the access token expired: they live 15 minutes) logs in again.
// Everything it had to do is counted in `stats`, and every 500 is kept as evidence (a 500 is the app's fault, not the
// chaos: the suite reports them).
import { randomUUID } from 'node:crypto';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class GaveUp extends Error {}

export class Client {
  constructor(baseUrl, { password = 'demo-password', requestTimeoutMs = 15_000 } = {}) {
    this.baseUrl = baseUrl;
    this.password = password;
    this.requestTimeoutMs = requestTimeoutMs;
    this.tokens = new Map();
    this.logins = new Map();
    this.stats = {
      requests: 0,
      commands: 0,
      reads: 0,
      retries: { timeout: 0, connection: 0, 500: 0, 502: 0, 503: 0, 504: 0, inProgress: 0, unauthorized: 0 },
      /** Commands whose retry was answered from the first attempt (Idempotent-Replayed: true). */
      replayed: 0,
      /** Commands retried at least once: their first answer was lost or was a 5xx. */
      retriedCommands: 0,
    };
    /** 500 answers (method, path, body): evidence for the report. */
    this.internalErrors = [];
  }

  idempotencyKey() {
    return randomUUID();
  }

  async token(user, deadline) {
    const have = this.tokens.get(user);
    if (have) return have;
    if (!this.logins.has(user)) {
      this.logins.set(
        user,
        (async () => {
          try {
            for (let attempt = 0; ; attempt++) {
              const r = await this.once('POST', '/api/v1/auth/login', { body: { username: user, password: this.password } }).catch((e) => ({ error: e }));
              if (!r.error && r.status >= 500) {
                this.stats.retries[r.status] = (this.stats.retries[r.status] ?? 0) + 1;
                if (r.status === 500) this.internalErrors.push({ at: new Date().toISOString(), method: 'POST', path: '/auth/login', user, status: r.status, body: r.body });
              } else if (r.error) this.stats.retries[r.error.name === 'TimeoutError' ? 'timeout' : 'connection']++;
              if (!r.error && (r.status === 200 || r.status === 201) && r.body?.accessToken) {
                this.tokens.set(user, r.body.accessToken);
                return r.body.accessToken;
              }
              if (!r.error && r.status >= 400 && r.status < 500 && r.status !== 429) throw new Error(`login ${user}: ${r.status} ${JSON.stringify(r.body)}`);
              if (Date.now() > deadline) throw new GaveUp(`login ${user}: no answer before the deadline (${r.error?.message ?? r.status})`);
              await sleep(backoff(attempt));
            }
          } finally {
            this.logins.delete(user);
          }
        })(),
      );
    }
    return this.logins.get(user);
  }

  /** One HTTP exchange; throws on a network error or a timeout. */
  async once(method, path, { body, token, headers = {} } = {}) {
    this.stats.requests++;
    const h = { ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (token) h.authorization = `Bearer ${token}`;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.requestTimeoutMs),
    });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, replayed: res.headers.get('idempotent-replayed') === 'true' };
  }

  /**
   * A request as a real client sends it: again and again until an answer that is not a failure of the moment, or the
   * deadline. Commands keep their Idempotency-Key across attempts. Returns {status, body, attempts, replayed}.
   */
  async call(user, method, path, body, { key, deadline = Date.now() + 120_000 } = {}) {
    const command = method !== 'GET';
    if (command) this.stats.commands++;
    else this.stats.reads++;
    const headers = command ? { 'idempotency-key': key ?? this.idempotencyKey() } : {};
    let counted = false;
    for (let attempt = 0; ; attempt++) {
      let why;
      let r;
      try {
        const token = user ? await this.token(user, deadline) : undefined;
        r = await this.once(method, `/api/v1${path}`, { body, token, headers });
      } catch (e) {
        if (e instanceof GaveUp) throw e;
        if (e.message?.startsWith('login ')) throw e;
        why = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timeout' : 'connection';
      }
      if (r) {
        if (r.status === 401 && user) {
          this.tokens.delete(user);
          why = 'unauthorized';
        } else if (r.status === 409 && r.body?.code === 'IDEMPOTENCY.IN_PROGRESS') {
          why = 'inProgress';
        } else if (r.status >= 500) {
          why = String(r.status);
          if (r.status === 500) this.internalErrors.push({ at: new Date().toISOString(), method, path, user, status: r.status, body: r.body });
        } else {
          if (r.replayed) this.stats.replayed++;
          return { ...r, attempts: attempt + 1 };
        }
      }
      this.stats.retries[why] = (this.stats.retries[why] ?? 0) + 1;
      if (command && !counted) {
        counted = true;
        this.stats.retriedCommands++;
      }
      if (Date.now() > deadline) {
        throw new GaveUp(`${method} ${path}: still failing at the deadline after ${attempt + 1} attempts (last: ${why}${r ? ` ${JSON.stringify(r.body).slice(0, 300)}` : ''})`);
      }
      await sleep(why === 'unauthorized' ? 0 : backoff(attempt));
    }
  }
}

/** 200 ms, 400 ms, 800 ms … up to 4 s, each ±50 %: clients that lost their answer at once do not come back at once. */
function backoff(attempt) {
  const base = Math.min(4000, 200 * 2 ** Math.min(attempt, 5));
  return base * (0.5 + Math.random());
}
