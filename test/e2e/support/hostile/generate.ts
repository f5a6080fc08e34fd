import fc from 'fast-check';
import type { Fixtures } from './fixtures.js';
import { ALL_STAFF, ROUTES, USERS_BY_ROLE, type ParamKind, type QueryField, type RouteDef, type Role, type Variant } from './routes.js';
import { applyMutations, bodyMutations, nested, PROTOTYPE_KEYS, Raw, toJson, withLoneSurrogate, withNul } from './spec.js';

/** One HTTP request as sent: the path already %-encoded, the body as bytes. */
export interface Step {
  method: string;
  path: string;
  headers: Record<string, string | string[]>;
  body?: Buffer;
}

/** One generated hostile request (two for an Idempotency-Key reuse), with what makes it bad. */
export interface HostileCase {
  route: RouteDef;
  /** e.g. ['field:applicant.idNumber=semantic', 'auth:clerk1']. */
  kinds: string[];
  steps: Step[];
  /** A state-changing operation: every step must be refused (no 2xx, unless the route says the 2xx did nothing). */
  mustRefuse: boolean;
  /** The one status the gateway's edge must answer, whatever the route: 413 over the body limit, 400 past the input rule. */
  expect?: number;
}

export const KINDS = ['field', 'body-type', 'content-type', 'deep', 'huge', 'path', 'query', 'cursor', 'idem', 'idem-reuse', 'auth', 'method', 'headers'] as const;
export type Kind = (typeof KINDS)[number];

export interface Context {
  fx: Fixtures;
  /** A valid token per demo user. */
  tokens: Record<string, string>;
}

const METHODS_OF_PATH = new Map<string, Set<string>>();
for (const r of ROUTES) METHODS_OF_PATH.set(r.path, (METHODS_OF_PATH.get(r.path) ?? new Set()).add(r.method));

const hasBody = (r: RouteDef) => r.method === 'POST' || r.method === 'PUT';

/** The kinds that make a request of this route bad; for a state-changing route, only those that surely get it refused. */
export function kindsFor(route: RouteDef): Kind[] {
  return KINDS.filter((k) => {
    switch (k) {
      case 'field':
      case 'idem-reuse':
        return hasBody(route) && (k === 'field' || (route.method === 'POST' && route.access !== 'public'));
      case 'path':
        return !!route.params;
      case 'cursor':
        return Object.values(route.query ?? {}).some((q) => q.cursor);
      case 'idem':
        return route.method === 'POST' && route.access !== 'public';
      case 'auth':
        return route.access !== 'public';
      case 'headers':
        // Odd headers change nothing about a valid request: a state-changing route gets them only on top of another kind.
        return !route.writes;
      default:
        return true;
    }
  });
}

// ---- path parameters ----

/** Segments refused (or not found) wherever an id stands; already %-encoded. */
const BAD_SEGMENTS = [
  '%00', 'a%00b', '%ED%A0%80', '%ED%BF%BF', '%EDa', '%F0%9F%98%80', '%', '%zz', '%C0%AF', '%2e%2e', '..', '.', '%2F', 'a%2Fb', '%5C',
  '%20', 'a%20b', '%27%20OR%20%271%27%3D%271', '1e308', '-0', '-1', '1.5', '0x10', '99999999999999999999999', 'NaN', 'null', 'undefined',
  '__proto__', 'constructor', 'x'.repeat(65), 'x'.repeat(201), 'x'.repeat(3000), '%E6%A1%88%E4%BB%B6', '', ';', '*', '~', '!', '(', '$', '%3Cscript%3E', '%0A',
];

function nonexistent(kind: ParamKind): fc.Arbitrary<string> {
  switch (kind) {
    case 'caseNo':
      return fc.oneof(fc.integer({ min: 0, max: 99_999_999 }).map((n) => `5107042099${String(n).padStart(11, '0')}`), fc.constantFrom('NO-SUCH-CASE', '510704202611230000000'));
    case 'uuid':
      return fc.uuid();
    case 'resourceId':
      return fc.oneof(fc.uuid(), fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', 'TASK-1'));
    case 'dept':
      return fc.constantFrom('MOON', 'ZZZ', 'X1', 'Q');
    case 'itemCode':
      return fc.constantFrom('NO-SUCH-ITEM', 'X', 'ZZ-99');
    case 'paymentNoticeNo':
      return fc.constantFrom('PN20990101000001', 'PN0', 'GZ20261123000042');
    case 'oneTimeNoticeNo':
      return fc.constantFrom('GZ20990101000001', 'GZ0', 'PN2026112300001');
    case 'refusalNo':
      return fc.constantFrom('BY20990101000001', 'BY0', 'GZ20261123000042');
    case 'certificateNo':
      return fc.constantFrom('SAMR-20990010000001', 'SAMR-20260010999990', 'CERT-0', 'PN20261123000042');
    case 'username':
      return fc.constantFrom('ghost.user', 'no-such-user', 'zz9');
    default:
      throw new Error(`no nonexistent values for ${String(kind)}`);
  }
}

/**
 * %-encoding of any JavaScript string, lone surrogates included (encodeURIComponent throws on them): those go out
 * as the three bytes UTF-8 would give a surrogate code point (WTF-8), which no UTF-8 decoder accepts.
 */
export function pct(s: string): string {
  let out = '';
  for (const ch of s) {
    const u = ch.charCodeAt(0);
    if (ch.length === 1 && u >= 0xd800 && u <= 0xdfff) {
      out += [0xed, 0xa0 | ((u >> 6) & 0x1f), 0x80 | (u & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

// ---- query ----

type QueryEntry = [key: string, value: string];
const enc = (v: string | Raw) => (v instanceof Raw ? v.text : pct(v));
/** Values odd for any query field; Raw = already %-encoded (a NUL, the bytes of a lone surrogate, a broken escape). */
const GENERIC_QUERY_BAD: (string | Raw)[] = [
  '', ' ', new Raw('%00'), new Raw('a%00b'), new Raw('%ED%A0%80'), new Raw('%'), new Raw('%zz'), 'x'.repeat(300), '1e308', '-0', '-1', '1.5',
  '99999999999999999999', '0x10', 'NaN', 'null', 'true', '[]', '{}', "' OR 1=1 --", '<script>', '😀', '张三', 'a,b',
];
/** Query parts refused whatever the route: a NUL or a key over 200 characters (the input rule), or a head too long to read. */
const guardBadQuery: fc.Arbitrary<QueryEntry> = fc.oneof(
  fc.constantFrom<QueryEntry>(['q', '%00'], ['%00', '1'], ['a%00b', 'c'], ['q', 'x%00y']),
  fc.constant<QueryEntry>(['k'.repeat(201), '1']),
  // Past what Node reads of a request head (16 KiB): 431 before the gateway sees it.
  fc.constant<QueryEntry>(['q', 'x'.repeat(17_000)]),
  withNul.map((s): QueryEntry => ['q', pct(s)]),
);
const benignJunkQuery: fc.Arbitrary<QueryEntry> = fc.constantFrom<QueryEntry>(['foo', 'bar'], ['a[b]', 'c'], ['x', '%ED%A0%80'], ['%zz', '1'], ['limit', '1e308'], ['__proto__', '1']);

// ---- cursors: base64url of everything a cursor is not (and of some that nearly are) ----

/** Instants in the cursor's own format at the edges of what JavaScript and PostgreSQL take (year 0, 24:00, a leap second…). */
const EDGE_TIMES = [
  '0000-01-01T00:00:00.000000Z', '0000-06-15T12:00:00.000000Z', '0000-12-31T23:59:59.999999Z', '0001-01-01T00:00:00.000000Z', '1000-01-01T00:00:00.000000Z',
  '1969-12-31T23:59:59.999999Z', '2038-01-19T03:14:08.000000Z', '9999-12-31T23:59:59.999999Z', '2026-02-29T00:00:00.000000Z', '2026-11-30T24:00:00.000000Z',
  '2026-11-30T15:59:60.000000Z',
];
const OFF_FORMAT_TIMES = ['2026-11-30T15:59:59Z', '2026-11-30T15:59:59.000000+08:00', '', 'x\u0000', '2026-11-30 15:59:59.000000Z'];
/** Mostly an id of the kind the list pages by (a UUID, or a case number), so the time is what gets looked at. */
const cursorId = (kind: 'uuid' | 'caseNo') =>
  fc.oneof(
    { arbitrary: kind === 'uuid' ? fc.uuid() : fc.integer({ min: 0, max: 99_999_999 }).map((n) => `5107042026${String(n).padStart(11, '0')}`), weight: 7 },
    { arbitrary: fc.constantFrom('510704202611230000013', "' OR 1=1 --", 'x\u0000', '', '00000000-0000-0000-0000-000000000000', 'A'.repeat(64)), weight: 3 },
  );
const cursorTime = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_TIMES), weight: 3 },
  { arbitrary: fc.date({ min: new Date(-62_167_219_200_000), max: new Date(253_402_300_799_999), noInvalidDate: true }).map((d) => `${d.toISOString().slice(0, 23)}000Z`), weight: 2 },
  { arbitrary: fc.constantFrom(...OFF_FORMAT_TIMES), weight: 1 },
);
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
/** Mostly cursors of the right shape ([time, id], base64url) with odd contents; else anything a cursor is not. */
export const badCursor = (idKind: 'uuid' | 'caseNo'): fc.Arbitrary<string | Raw> => fc.oneof(
  { arbitrary: fc.tuple(cursorTime, cursorId(idKind)).map(([t, id]) => b64(JSON.stringify([t, id]))), weight: 6 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => b64(JSON.stringify(v) ?? 'null')), weight: 1 },
  {
    arbitrary: fc.constantFrom('[', '[]', '{}', 'null', '"x"', '[1,2]', '[null,null]', '["a","b","c"]', '[1e999,"x"]', '{"at":"2026-11-30T15:59:59.000000Z"}', '['.repeat(60) + ']'.repeat(60)).map(b64),
    weight: 1,
  },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,200}$/), weight: 1 },
  { arbitrary: fc.constantFrom<string | Raw>('', 'x'.repeat(201), 'abc=', 'a.b', 'a+b/c', new Raw('%00'), new Raw('ab%00cd')), weight: 1 },
);

// ---- auth ----

const b64json = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const FORGED_NONE = `${b64json({ alg: 'none', typ: 'JWT' })}.${b64json({ sub: 'admin', roles: ['ADMIN'] })}.`;

function garbageAuth(ctx: Context): fc.Arbitrary<string> {
  const real = ctx.tokens.admin;
  const [h, , s] = real.split('.');
  return fc.constantFrom(
    'Bearer',
    'Bearer ',
    'Bearer abc.def.ghi',
    'Basic dXNlcjpwYXNz',
    'Token abc',
    `Bearer ${FORGED_NONE}`,
    `Bearer ${h}.${b64json({ sub: 'admin', roles: ['ADMIN'], exp: 4_102_444_800 })}.${s}`,
    `Bearer ${real.slice(0, -2)}${real.endsWith('AA') ? 'BB' : 'AA'}`,
    `Bearer ${real}x`,
    `bearer  ${real}`,
    `Bearer ${'a'.repeat(5000)}`,
    `Bearer ${'a'.repeat(20_000)}`,
    `Bearer ${h}.${b64json({ sub: 'admin', roles: 'ADMIN' })}.${s}`,
  );
}

function wrongRoleUser(route: RouteDef): string | undefined {
  if (!Array.isArray(route.access)) return undefined;
  const allowed = route.access as readonly Role[];
  return (Object.keys(USERS_BY_ROLE) as Role[]).filter((r) => !allowed.includes(r)).flatMap((r) => USERS_BY_ROLE[r])[0];
}

// ---- building a request ----

interface Draft {
  method: string;
  params: Record<string, string>;
  query: QueryEntry[];
  /** undefined: no Authorization header; otherwise its value. */
  authorization?: string;
  headers: Record<string, string | string[]>;
  /** A JSON value to send, or exact bytes with their content type. */
  body?: { json: unknown } | { text: string | Buffer; contentType?: string };
  contentType?: string;
  kinds: string[];
  expect?: number;
}

function startDraft(route: RouteDef, v: Variant, ctx: Context): Draft {
  return {
    method: route.method,
    params: Object.fromEntries(Object.entries(v.params ?? {}).map(([k, x]) => [k, pct(x)])),
    query: Object.entries(v.query ?? {}).flatMap(([k, x]): QueryEntry[] => (x === undefined ? [] : [[pct(k), pct(x)]])),
    authorization: v.user ? `Bearer ${ctx.tokens[v.user]}` : undefined,
    headers: {},
    body: v.body ? { json: v.body } : undefined,
    kinds: [],
  };
}

function finish(route: RouteDef, d: Draft): Step {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => d.params[name] ?? '');
  const qs = d.query.map(([k, v]) => `${k}=${v}`).join('&');
  const headers: Record<string, string | string[]> = { ...d.headers };
  if (d.authorization !== undefined) headers.authorization = d.authorization;
  let body: Buffer | undefined;
  if (d.body && 'json' in d.body) {
    body = Buffer.from(toJson(d.body.json), 'utf8');
    headers['content-type'] ??= 'application/json';
  } else if (d.body) {
    body = Buffer.isBuffer(d.body.text) ? d.body.text : Buffer.from(d.body.text, 'utf8');
    if (d.body.contentType !== undefined) headers['content-type'] ??= d.body.contentType;
  }
  if (body) headers['content-length'] = String(body.length);
  return { method: d.method, path: qs ? `${path}?${qs}` : path, headers, body };
}

/** Draft changes per kind; each returns the label(s) it adds. */
function kindArb(kind: Kind, route: RouteDef, v: Variant, ctx: Context): fc.Arbitrary<(d: Draft) => void> {
  const bodyless = !hasBody(route);
  switch (kind) {
    case 'field':
      return bodyMutations(v.bodySpec!, v.body).map((ms) => (d: Draft) => {
        d.body = { json: applyMutations(v.body, ms) };
        d.kinds.push(...ms.map((m) => `field:${m.path.join('.') || '(root)'}${m.op === 'addKey' ? `+${JSON.stringify(m.key)}` : ''}=${m.label}`));
      });
    case 'body-type': {
      // A bodyless write ignores a body the parser accepts ({}, []): only tops the strict JSON parser refuses.
      const tops: string[] = bodyless && route.writes ? ['"x"', '5', 'null', 'true', '-0'] : ['{}', '[]', '"x"', '5', 'null', 'true', 'false', '[{}]', '[[]]'];
      const withBase = !bodyless && v.body ? [`[${toJson(v.body)}]`] : [];
      return fc.constantFrom(...tops, ...withBase).map((text) => (d: Draft) => {
        d.body = { text, contentType: 'application/json' };
        d.kinds.push(`body-type:${text.slice(0, 12)}`);
      });
    }
    case 'content-type': {
      type Sent = { text: string; contentType?: string; encoding?: string };
      const json = v.body ? toJson(v.body) : '{"a":1}';
      // Bodies the JSON parser refuses (400, 415): refused on any route.
      const parseFails: fc.Arbitrary<Sent>[] = [
        fc.integer({ min: 1, max: Math.max(1, json.length - 1) }).map((n) => ({ text: json.slice(0, n), contentType: 'application/json' })),
        fc
          .constantFrom("{'a':1}", '{"a":1,}', '{"a":NaN}', '{"a":undefined}', '{a:1}', '{"a":1}/*c*/', '{"a":01}', '{"a":"\\x41"}', '{"a":"\t"}')
          .map((text) => ({ text, contentType: 'application/json' })),
        fc.constantFrom('application/json; charset=latin1', 'application/json; charset=utf-16', 'application/json; charset=bogus').map((contentType) => ({ text: json, contentType })),
        fc.constantFrom('gzip', 'deflate', 'br', 'x-weird').map((encoding) => ({ text: json, contentType: 'application/json', encoding })),
      ];
      // Bodies no parser reads: the route sees none (refused where a body is required).
      const unread: fc.Arbitrary<Sent>[] = [
        fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/vnd.api+json', 'application/xml', '').map((contentType) => ({ text: json, contentType })),
        fc.constant({ text: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' }),
        fc.constant({ text: json }),
      ];
      return fc.oneof(...parseFails, ...(bodyless && route.writes ? [] : unread)).map((b) => (d: Draft) => {
        d.body = { text: b.text, contentType: b.contentType };
        if (b.encoding) d.headers['content-encoding'] = b.encoding;
        d.kinds.push(`content-type:${b.contentType ?? '(none)'}${b.encoding ? `+${b.encoding}` : ''}`);
      });
    }
    case 'deep':
      return fc.tuple(fc.constantFrom(33, 40, 100, 10_000, 100_000), fc.constantFrom<'object' | 'array'>('object', 'array')).map(([depth, k]) => (d: Draft) => {
        d.body = { json: nested(depth, k) };
        d.kinds.push(`deep:${k}${depth}`);
        // Deeper than 32 levels, or over 256 KiB (10,000 nested objects are 50 KB; 100,000 are 500 KB).
        d.expect = nested(depth, k).text.length > 262_144 ? 413 : 400;
      });
    case 'huge':
      return fc.oneof(
        // Over the 256 KiB limit: 413.
        fc.integer({ min: 262_145, max: 400_000 }).map((n) => ({ label: `huge:${n}B`, text: JSON.stringify({ ...(v.body ?? {}), pad: 'x'.repeat(n) }), expect: 413 })),
        // Under it, but more values than a body may hold (20,000): 400.
        fc.integer({ min: 20_001, max: 60_000 }).map((n) => ({ label: `huge:${n}values`, text: `[${'0,'.repeat(n - 1)}0]`, expect: 400 })),
      ).map(({ label, text, expect }) => (d: Draft) => {
        d.body = { text, contentType: 'application/json' };
        d.kinds.push(label);
        d.expect = expect;
      });
    case 'path': {
      const names = Object.keys(route.params!);
      return fc.constantFrom(...names).chain((name) => {
        const kind = route.params![name];
        const options: fc.Arbitrary<string>[] = [fc.constantFrom(...BAD_SEGMENTS), nonexistent(kind).map(encodeURIComponent), withLoneSurrogate.map(pct)];
        const own = v.badParams?.[name];
        if (own?.length) options.push(fc.constantFrom(...own).map(encodeURIComponent));
        return fc.oneof(...options).map((seg) => (d: Draft) => {
          d.params[name] = seg;
          d.kinds.push(`path:${name}=${seg.slice(0, 24)}`);
        });
      });
    }
    case 'query': {
      const fields = Object.entries(route.query ?? {});
      const options: fc.Arbitrary<(d: Draft) => void>[] = [
        guardBadQuery.map((e) => (d: Draft) => {
          d.query.push(e);
          d.kinds.push(`query:${e[0].slice(0, 8)}=${e[1].slice(0, 12)}`);
        }),
      ];
      if (!route.writes && fields.length) {
        const setField = ([name, q]: [string, QueryField]) =>
          fc.constantFrom(...(q.bad ?? []), ...GENERIC_QUERY_BAD).map((val) => (d: Draft) => {
            d.query = d.query.filter(([k]) => k !== name);
            d.query.push([name, enc(val)]);
            d.kinds.push(`query:${name}=${String(val instanceof Raw ? val.text : val).slice(0, 16)}`);
          });
        options.push(
          fc.constantFrom(...fields).chain(setField),
          // An unknown field, a repeated one (an array), bracket syntax.
          fc.constantFrom(...fields).chain(([name]) =>
            fc.constantFrom<QueryEntry[]>(
              [['unknownField', '1']],
              [[name, 'A'], [name, 'B']],
              [[`${name}[]`, 'A']],
              [[`${name}[a]`, 'b']],
              [[name, ''], [name, '']],
            ).map((extra) => (d: Draft) => {
              d.query.push(...extra);
              d.kinds.push(`query:${extra.map(([k, x]) => `${k}=${x}`).join('&').slice(0, 24)}`);
            }),
          ),
        );
      } else if (!route.writes) {
        options.push(benignJunkQuery.map((e) => (d: Draft) => {
          d.query.push(e);
          d.kinds.push(`query:${e[0]}=${e[1].slice(0, 12)}`);
        }));
      }
      return fc.oneof(...options);
    }
    case 'cursor': {
      const field = Object.values(route.query ?? {}).find((q) => q.cursor)!;
      return badCursor(field.cursor === 'caseNo' ? 'caseNo' : 'uuid').map((c) => (d: Draft) => {
        d.query = d.query.filter(([k]) => k !== 'cursor');
        d.query.push(['cursor', enc(c)]);
        d.kinds.push(`cursor:${enc(c).slice(0, 40)}`);
      });
    }
    case 'idem':
      return fc
        .constantFrom<string | string[]>('', ' ', 'a b', 'x'.repeat(201), 'schl\u00fcssel', '\t', 'caf\u00e9', ['k1', 'k2'], 'x'.repeat(5000))
        .map((key) => (d: Draft) => {
          d.headers['idempotency-key'] = key;
          d.kinds.push(`idem:${JSON.stringify(key).slice(0, 16)}`);
        });
    case 'auth': {
      const wrong = wrongRoleUser(route);
      const options: fc.Arbitrary<{ label: string; value?: string }>[] = [
        fc.constant({ label: 'auth:none', value: undefined }),
        garbageAuth(ctx).map((value) => ({ label: `auth:garbage(${value.slice(0, 14)})`, value })),
      ];
      if (wrong) options.push(fc.constant({ label: `auth:wrong-role(${wrong})`, value: `Bearer ${ctx.tokens[wrong]}` }));
      return fc.oneof(...options).map(({ label, value }) => (d: Draft) => {
        d.authorization = value;
        d.kinds.push(label);
      });
    }
    case 'method': {
      const taken = METHODS_OF_PATH.get(route.path)!;
      const free = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].filter((m) => !taken.has(m) && !(m === 'OPTIONS' && route.writes));
      return fc.constantFrom(...free).map((m) => (d: Draft) => {
        d.method = m;
        d.kinds.push(`method:${m}`);
      });
    }
    case 'headers':
      return junkHeaders.map(([k, val]) => (d: Draft) => {
        d.headers[k] = val;
        d.kinds.push(`headers:${k}`);
      });
    default:
      throw new Error(`unknown kind ${String(kind)}`);
  }
}

const junkHeaders: fc.Arbitrary<[string, string]> = fc.constantFrom<[string, string]>(
  ['x-correlation-id', 'caf\u00e9'.repeat(20)],
  ['x-correlation-id', 'a'.repeat(5000)],
  ['x-correlation-id', '../../etc/passwd'],
  ['x-correlation-id', 'x;y,z'],
  ['accept', 'application/xml'],
  ['accept', '*/*;q=abc'],
  ['accept-encoding', 'gzip;q=NaN, br'],
  ['x-forwarded-for', '1.1.1.1, garbage, ::1'],
  ['accept-language', 'zz-ZZ;q=2'],
  ['if-none-match', '*'],
  ['range', 'bytes=0-1'],
);

/** Decorations that never make a refused request acceptable: a valid Idempotency-Key, odd headers, prototype keys, junk query. */
function decorations(route: RouteDef, v: Variant, kind: Kind, ctx: Context): fc.Arbitrary<(d: Draft) => void> {
  const others = route.access === 'public' ? [] : route.access === 'staff' ? ALL_STAFF : route.access.flatMap((r) => USERS_BY_ROLE[r]);
  return fc
    .record({
      key: fc.option(fc.uuid(), { freq: 2 }),
      header: fc.option(junkHeaders, { freq: 6 }),
      proto: fc.option(fc.constantFrom(...PROTOTYPE_KEYS), { freq: 8 }),
      junk: fc.option(benignJunkQuery, { freq: 8 }),
      other: others.length ? fc.option(fc.constantFrom(...others), { freq: 4 }) : fc.constant(null),
    })
    .map(({ key, header, proto, junk, other }) => (d: Draft) => {
      if (key && route.method === 'POST' && kind !== 'idem' && kind !== 'idem-reuse' && d.headers['idempotency-key'] === undefined) d.headers['idempotency-key'] = key;
      if (header && d.headers[header[0]] === undefined) {
        d.headers[header[0]] = header[1];
        d.kinds.push(`+headers:${header[0]}`);
      }
      if (proto && d.body && 'json' in d.body && isPlainObject(d.body.json) && Object.keys(d.body.json).length) {
        // Spliced into the text: assigning __proto__ in JavaScript would set the prototype, not add a key.
        d.body = { text: toJson(d.body.json).replace(/^\{/, `{${JSON.stringify(proto)}:{"polluted":true},`), contentType: 'application/json' };
        d.kinds.push(`+proto:${proto}`);
      }
      if (junk && !route.query) {
        d.query.push(junk);
        d.kinds.push(`+query:${junk[0]}`);
      }
      // A read by another user allowed to make it (a write keeps its user: another one might be allowed to do it).
      if (other && !route.writes && v.user && d.authorization === `Bearer ${ctx.tokens[v.user]}`) {
        d.authorization = `Bearer ${ctx.tokens[other]}`;
        d.kinds.push(`+as:${other}`);
      }
    });
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Raw);

/**
 * How often each kind is drawn: mostly bodies made bad field by field (they reach the services' own checks), then
 * bad paths, queries and cursors; the kinds the gateway refuses at its edge once in a while each.
 */
function weightOf(kind: Kind, route: RouteDef): number {
  switch (kind) {
    case 'field':
      return 12;
    case 'query':
      return route.query && !route.writes ? 8 : 1;
    case 'cursor':
      return 8;
    case 'path':
      return 4;
    case 'auth':
    case 'idem-reuse':
      return 2;
    default:
      return 1;
  }
}

/** A hostile request for this route, of the given kind (or any kind that applies). */
export function caseArb(route: RouteDef, ctx: Context, kind?: Kind): fc.Arbitrary<HostileCase> {
  const variants = route.variants(ctx.fx);
  const kinds = kind ? [kind] : kindsFor(route);
  const weighted = fc.oneof(...kinds.map((k) => ({ arbitrary: fc.constant(k), weight: weightOf(k, route) })));
  return fc.record({ v: fc.constantFrom(...variants), k: weighted }).chain(({ v, k }) => {
    const usable = k === 'field' || k === 'idem-reuse' ? !!v.bodySpec : true;
    const kk: Kind = usable ? k : 'body-type';
    // An Idempotency-Key reuse sends two refused bodies (field mutations) under one key.
    const core = kindArb(kk === 'idem-reuse' ? 'field' : kk, route, v, ctx);
    const second = kk === 'idem-reuse' ? fc.option(kindArb('field', route, v, ctx), { freq: 3 }) : fc.constant(null);
    return fc.record({ core, second, deco: decorations(route, v, kk, ctx), key: fc.uuid() }).map(({ core: apply, second, deco, key }) => {
      const d = startDraft(route, v, ctx);
      apply(d);
      deco(d);
      const steps = [finish(route, d)];
      if (kk === 'idem-reuse') {
        d.headers['idempotency-key'] = key;
        d.kinds.unshift('idem-reuse');
        const first = finish(route, d);
        // The same key again: with another refused body (422 KEY_REUSED once the first was stored), or the same one (a replay).
        if (second) second(d);
        steps.splice(0, 1, first, finish(route, d));
      }
      return { route, kinds: d.kinds, steps, mustRefuse: route.writes && d.method === route.method, expect: d.expect };
    });
  });
}

/** Any route, any kind: what the property runs over. */
export function anyCaseArb(ctx: Context): fc.Arbitrary<HostileCase> {
  return fc.oneof(...ROUTES.map((r) => caseArb(r, ctx)));
}
