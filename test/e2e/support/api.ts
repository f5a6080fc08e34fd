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
