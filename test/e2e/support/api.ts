import { randomUUID } from 'node:crypto';
import { creditCodeCheckChar } from '#libs/checks';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A thin HTTP client for the gateway, as a staff client or the public would use it. */
export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async login(username: string, password = process.env.DEMO_PASSWORD ?? 'demo-password'): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const r = await this.request('POST', '/api/v1/auth/login', { body: { username, password } });
    if (r.status !== 200 && r.status !== 201) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.tokens.set(username, r.body.accessToken);
    return r.body.accessToken;
  }

  async as<T = any>(user: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const token = user ? await this.login(user) : undefined;
    return this.request<T>(method, `/api/v1${path}`, { body, token, headers });
  }

  async request<T = any>(method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await fetch(this.baseUrl + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, headers: res.headers };
  }
}

export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * GET /cases/{caseNo} until `ok` holds for a view every service answered, and that view. A view with `degraded` is
 * never final: its missing parts mean "unknown right now", and a status alone says nothing about the other parts
 * (each comes from another service). So `ok` names exactly what the test then asserts on: the deliveries, the
 * notice, the tasks, the opinions, not only the status. On time-out the error tells what the last view lacked.
 */
export async function caseWhere(api: Api, caseNo: string, ok: (view: any) => unknown, what: string, user = 'supervisor1'): Promise<any> {
  return eventually(async () => {
    const r = await api.as(user, 'GET', `/cases/${caseNo}`);
    if (r.status !== 200) throw new Error(`GET /cases/${caseNo} answered ${r.status} ${JSON.stringify(r.body)}`);
    if (r.body.degraded) throw new Error(`the last view was degraded (${r.body.degraded.join(', ')} did not answer), status ${r.body.status}`);
    if (!ok(r.body)) throw new Error(`the last view (status ${r.body.status}) did not show it yet`);
    return r.body;
  }, `case ${caseNo}: ${what}`);
}

/** GET /cases?{query} (the case search) until `ok` holds for its items, and that reply: the search follows events too. */
export async function searchWhere(api: Api, query: string, ok: (items: any[]) => unknown, what: string, user = 'supervisor1'): Promise<Reply> {
  return eventually(async () => {
    const r = await api.as(user, 'GET', `/cases?${query}`);
    if (r.status !== 200) throw new Error(`GET /cases?${query} answered ${r.status} ${JSON.stringify(r.body)}`);
    if (!ok(r.body.items)) throw new Error(`the last search found ${r.body.items.length}`);
    return r;
  }, `the search ${query}: ${what}`);
}

export const PERSON_ID = '11010519491231002X';
export const ORG_ID = (() => {
  const body = '91510704MA6CU1234';
  return body + creditCodeCheckChar(body);
})();

export function entStartApplication() {
  return {
    itemCode: 'ENT-START',
    centerCode: '510704-C01',
    applicant: { type: 'ORG', name: '示范科技有限公司', idType: 'USCC', idNumber: ORG_ID, phone: '13800138000' },
    materials: ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07'].map((code) => ({ code, provided: true })),
    form: {},
    delivery: { method: 'WINDOW' },
  };
}

export function reTransferApplication() {
  return {
    itemCode: 'RE-TRANSFER',
    centerCode: '510704-C01',
    applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: PERSON_ID, phone: '13800138000' },
    materials: ['M01', 'M02', 'M03', 'M04', 'M05'].map((code) => ({ code, provided: true })),
    form: { propertyType: 'RESIDENTIAL', extraCertificates: 1 },
    delivery: { method: 'COURIER', recipient: '张三', phone: '13900139000', address: '示范区人民路1号' },
  };
}

export const idempotencyKey = () => randomUUID();
