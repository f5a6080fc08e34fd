import fc from 'fast-check';

/**
 * A small description of a JSON body, field by field, from which every generated mutation is *known* to be refused:
 * a value of the wrong type, a missing required field, an extra field, a number out of range, text that breaks the
 * global input rule (NUL, lone surrogates, over-long, too deep), or one of the field's own `bad` values (semantic
 * refusals a service makes: an unknown department, a wrong check digit, an amount that is not the one owed…).
 * Nothing here ever produces a value the API would accept, so a generated request never changes anything; the
 * row-count check of the test relies on it, and a write route answering 2xx is reported as a hole.
 */
export type Spec =
  | { t: 'text'; req?: boolean; nullable?: boolean; max?: number; notEmpty?: boolean; notBlank?: boolean; emptyOk?: boolean; bad?: readonly unknown[] }
  | { t: 'int'; req?: boolean; min?: number; max?: number; bad?: readonly unknown[] }
  | { t: 'bool'; req?: boolean; bad?: readonly unknown[] }
  | { t: 'enum'; req?: boolean; values: readonly string[]; bad?: readonly unknown[] }
  | { t: 'date'; req?: boolean; bad?: readonly unknown[] }
  | { t: 'obj'; req?: boolean; fields: Record<string, Spec>; open?: boolean; bad?: readonly unknown[] }
  | { t: 'arr'; req?: boolean; of: Spec; min?: number; max?: number; bad?: readonly unknown[] }
  | { t: 'any'; req?: boolean; bad?: readonly unknown[] };

export type ObjSpec = Extract<Spec, { t: 'obj' }>;
type Opts<S> = Omit<S, 't'>;

export const text = (o: Opts<Extract<Spec, { t: 'text' }>> = {}): Spec => ({ t: 'text', ...o });
export const int = (o: Opts<Extract<Spec, { t: 'int' }>> = {}): Spec => ({ t: 'int', ...o });
export const bool = (o: Opts<Extract<Spec, { t: 'bool' }>> = {}): Spec => ({ t: 'bool', ...o });
export const oneOf = (values: readonly string[], o: Omit<Opts<Extract<Spec, { t: 'enum' }>>, 'values'> = {}): Spec => ({ t: 'enum', values, ...o });
export const date = (o: Opts<Extract<Spec, { t: 'date' }>> = {}): Spec => ({ t: 'date', ...o });
export const obj = (fields: Record<string, Spec>, o: Omit<Opts<ObjSpec>, 'fields'> = {}): ObjSpec => ({ t: 'obj', fields, ...o });
export const arr = (of: Spec, o: Omit<Opts<Extract<Spec, { t: 'arr' }>>, 'of'> = {}): Spec => ({ t: 'arr', of, ...o });
export const any = (o: Opts<Extract<Spec, { t: 'any' }>> = {}): Spec => ({ t: 'any', ...o });

/** A JSON literal written as is: what JSON.stringify cannot write (-0, 1e999, 30-digit integers) or should not build (depth 10000). */
export class Raw {
  constructor(readonly text: string) {}
  toJSON(): string {
    return `\u0001RAW-7f3a${rawTable.push(this.text) - 1}\u0001`;
  }
}
let rawTable: string[] = [];

/** JSON text of a value that may hold Raw literals. */
export function toJson(value: unknown): string {
  rawTable = [];
  const s = JSON.stringify(value);
  const table = rawTable;
  return s.replace(/"\\u0001RAW-7f3a(\d+)\\u0001"/g, (_, i: string) => table[Number(i)]);
}

export const nested = (depth: number, kind: 'object' | 'array' = 'object'): Raw =>
  new Raw(kind === 'object' ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + '1' + ']'.repeat(depth));

type Key = string | number;
export type Mutation = { path: Key[]; label: string } & ({ op: 'set'; value: unknown } | { op: 'remove' } | { op: 'addKey'; key: string; value: unknown });

/** Applies mutations to a copy; a mutation whose parent an earlier one replaced by a non-container is skipped (the request is already refused). */
export function applyMutations(base: unknown, mutations: Mutation[]): unknown {
  let root: unknown = structuredClone(base);
  for (const m of mutations) {
    if (m.path.length === 0) {
      if (m.op === 'set') root = m.value;
      else if (m.op === 'addKey' && isContainer(root) && !Array.isArray(root)) (root as Record<string, unknown>)[m.key] = m.value;
      continue;
    }
    let parent: unknown = root;
    for (const k of m.path.slice(0, -1)) parent = isContainer(parent) ? (parent as Record<Key, unknown>)[k] : undefined;
    const last = m.path[m.path.length - 1];
    if (!isContainer(parent)) continue;
    const p = parent as Record<Key, unknown>;
    if (m.op === 'set') p[last] = m.value;
    else if (m.op === 'remove') {
      if (Array.isArray(p)) p.splice(Number(last), 1);
      else delete p[last];
    } else {
      const target = p[last];
      if (isContainer(target) && !Array.isArray(target)) (target as Record<string, unknown>)[m.key] = m.value;
    }
  }
  return root;
}

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null && !(v instanceof Raw);

interface Slot {
  path: Key[];
  spec: Spec;
  present: boolean;
}

/** Every place of the body a mutation can hit: each declared field (present or not) and each element of the arrays present. */
export function slotsOf(spec: Spec, value: unknown, path: Key[] = [], out: Slot[] = []): Slot[] {
  if (path.length) out.push({ path, spec, present: value !== undefined });
  if (spec.t === 'obj' && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, s] of Object.entries(spec.fields)) slotsOf(s, (value as Record<string, unknown>)[k], [...path, k], out);
  } else if (spec.t === 'arr' && Array.isArray(value)) {
    value.forEach((v, i) => slotsOf(spec.of, v, [...path, i], out));
  }
  return out;
}

// ---- values refused wherever they stand (the gateway's global input rule, libs/checks input-rules) ----

const LONE = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'] as const;
const shortText = fc.string({ unit: 'binary', maxLength: 12 });

/** Any text with a NUL character somewhere. */
export const withNul = fc.tuple(shortText, fc.nat({ max: 12 })).map(([s, i]) => s.slice(0, i) + '\u0000' + s.slice(i));
/** Any text with an unpaired surrogate (inserting one surrogate into well-formed text always leaves one unpaired). */
export const withLoneSurrogate = fc.tuple(shortText, fc.nat({ max: 12 }), fc.constantFrom(...LONE)).map(([s, i, u]) => s.slice(0, i) + u + s.slice(i));
/** Longer than any string may be (20,000 characters). */
export const overlong = fc.integer({ min: 20_001, max: 20_100 }).map((n) => 'x'.repeat(n));
/** Deeper than the 32 levels a body may have. */
export const tooDeep = fc.oneof(fc.constant(nested(40)), fc.constant(nested(40, 'array')), fc.constant(nested(10_000)), fc.constant(nested(10_000, 'array')));
/** Numbers JSON has no finite value for: JSON.parse reads them as ±Infinity. */
export const infinite = fc.constantFrom(new Raw('1e999'), new Raw('-1e999'));
/** Objects with a key that is not acceptable text. */
export const badKeyObject = fc.oneof(withNul, withLoneSurrogate, fc.constant('k'.repeat(201))).map((k) => ({ [k]: 1 }));

export const universallyBad: fc.Arbitrary<{ label: string; value: unknown }> = fc.oneof(
  withNul.map((value) => ({ label: 'nul', value })),
  withLoneSurrogate.map((value) => ({ label: 'lone-surrogate', value })),
  overlong.map((value) => ({ label: 'overlong', value })),
  tooDeep.map((value) => ({ label: 'deep', value })),
  infinite.map((value) => ({ label: 'infinite', value })),
  badKeyObject.map((value) => ({ label: 'bad-key', value })),
);

// ---- numbers: 1e308, -0, -1, 1.5, huge ints, numeric strings ----

const HUGE_POSITIVE = [new Raw('123456789012345678901234567890'), new Raw('1e400'), 2 ** 53, 2 ** 53 + 2, 2 ** 64, 1e308];
const HUGE_NEGATIVE = [new Raw('-99999999999999999999'), -(2 ** 53), -(2 ** 63), -1e308];
const NUMERIC_STRINGS = ['5', '1', '0', '-1', '1.5', '1e308', '-0', '0x10', ' 7', 'NaN', 'Infinity', ''];

/** Values an int field with these bounds refuses. */
function badInts(min: number | undefined, max: number | undefined): fc.Arbitrary<unknown> {
  const out: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(1.5, 0.5, -2.5, 1e-7, 3.000001),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
    fc.constantFrom(...NUMERIC_STRINGS),
    fc.constantFrom(true, false, [], [1], {}, { n: 1 }),
  ];
  if (min !== undefined) {
    out.push(fc.constantFrom(...HUGE_NEGATIVE));
    if (min - 1000 >= Number.MIN_SAFE_INTEGER) out.push(fc.integer({ min: min - 1000, max: min - 1 }));
    if (min >= 0) out.push(fc.constant(-1));
    if (min > 0) out.push(fc.constant(new Raw('-0')), fc.constant(0));
  }
  if (max !== undefined) {
    out.push(fc.constantFrom(...HUGE_POSITIVE.filter((h) => typeof h !== 'number' || h > max)));
    if (max + 1000 <= Number.MAX_SAFE_INTEGER) out.push(fc.integer({ min: max + 1, max: max + 1000 }));
  }
  return fc.oneof(...out);
}

const WRONG_FOR_TEXT = [0, 1, -1, 1.5, 1e308, 2 ** 53, true, false, [], ['x'], {}, { a: 'x' }, new Raw('-0')];
const WRONG_FOR_BOOL = ['true', 'false', 1, 0, '', 'yes', [], [true], {}, new Raw('-0')];
const WRONG_FOR_OBJ = ['x', '', 0, 1e308, true, false, [], [{}], new Raw('-0')];
const WRONG_FOR_ARR = ['x', 0, true, {}, { 0: 'x', length: 1 }];
const BAD_DATES = [
  'not-a-date', '2026-02-30T09:00:00+08:00', '2026-13-01T00:00:00Z', '2026-11-23T25:00:00Z', '2026-11-23T09:30:00+24:00', '', 'tomorrow',
  '0000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+275761-01-01T00:00:00Z', 0, 1_700_000_000_000, true, [], {},
];
const EXTRA_KEYS = ['extra', 'unexpected', 'isAdmin', 'id', 'status', '$where', 'a.b', 'ünïcödé', ''];

function swapCase(s: string): string {
  return [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

/** One mutation of one slot: always a value the API refuses. */
function mutationOf(slot: Slot): fc.Arbitrary<Mutation> {
  const { spec, path } = slot;
  const set = (label: string, arb: fc.Arbitrary<unknown>) => arb.map((value): Mutation => ({ path, op: 'set', value, label }));
  const options: fc.Arbitrary<Mutation>[] = [universallyBad.map(({ label, value }): Mutation => ({ path, op: 'set', value, label }))];
  // Removing a required field is refused; removing an element of a list is not (the list may hold fewer).
  const element = typeof path[path.length - 1] === 'number';
  if (spec.req && !element) options.push(fc.constant<Mutation>({ path, op: 'remove', label: 'missing' }));
  if (spec.req && !(spec.t === 'text' && spec.nullable)) options.push(set('null', fc.constant(null)));
  // Semantic refusals come from the services' own checks: drawn as often as all the shape errors together.
  if (spec.bad?.length) options.push(...Array.from({ length: 4 }, () => set('semantic', fc.constantFrom(...spec.bad!))));
  switch (spec.t) {
    case 'text': {
      options.push(set('wrong-type', fc.constantFrom(...WRONG_FOR_TEXT)));
      // notBlank: only whitespace is refused, and '' too unless it counts as "none" (emptyOk).
      if (spec.notEmpty || (spec.notBlank && !spec.emptyOk)) options.push(set('empty', fc.constant('')));
      if (spec.notBlank) options.push(set('blank', fc.constantFrom(' ', '   ', '\t', ' \n ', '\u3000')));
      if (spec.max !== undefined) {
        const max = spec.max;
        options.push(set('too-long', fc.tuple(fc.integer({ min: max + 1, max: max + 40 }), fc.constantFrom('x', '张', '9')).map(([n, c]) => c.repeat(n))));
      }
      break;
    }
    case 'int':
      options.push(set('number', badInts(spec.min, spec.max)));
      break;
    case 'bool':
      options.push(set('wrong-type', fc.constantFrom(...WRONG_FOR_BOOL)));
      break;
    case 'enum': {
      const v = fc.constantFrom(...spec.values);
      options.push(
        set('not-in-enum', fc.oneof(v.map(swapCase), v.map((x) => `${x} `), v.map((x) => ` ${x}`), v.map((x) => `${x}\u200b`), v.map((x) => [x]), fc.constantFrom('', 'UNKNOWN', 'null', 0, 1, true, {}))),
      );
      break;
    }
    case 'date':
      options.push(set('bad-date', fc.constantFrom(...BAD_DATES)));
      break;
    case 'obj':
      options.push(set('wrong-type', fc.constantFrom(...WRONG_FOR_OBJ)));
      if (!spec.open && slot.present) {
        options.push(
          fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.constantFrom<unknown>(1, 'x', null, true, {}, [])).map(([key, value]): Mutation => ({ path, op: 'addKey', key, value, label: 'extra-field' })),
        );
      }
      break;
    case 'arr': {
      options.push(set('wrong-type', fc.constantFrom(...WRONG_FOR_ARR)));
      if ((spec.min ?? 0) >= 1) options.push(set('empty-array', fc.constant([])));
      if (spec.max !== undefined) {
        const max = spec.max;
        options.push(set('too-many', fc.integer({ min: max + 1, max: max + 5 }).map((n) => Array.from({ length: n }, (_, i) => `x${i}`))));
      }
      options.push(set('bad-element', fc.oneof(universallyBad.map((u) => [u.value]), fc.constant([null]))));
      break;
    }
    case 'any':
      break;
  }
  return fc.oneof(...options);
}

/**
 * One to `max` mutations of a body, each of which the API refuses on its own. A field is removed only when
 * required and given only values refused whatever the other fields say, so together they are refused too. (A
 * list refused as a whole, e.g. for a duplicate, stays refused when one of its elements is then made bad: its
 * elements are never given values that would be accepted.)
 */
export function bodyMutations(spec: ObjSpec, base: unknown, max = 3): fc.Arbitrary<Mutation[]> {
  const slots = slotsOf(spec, base);
  const rootExtra: fc.Arbitrary<Mutation> = fc
    .tuple(fc.constantFrom(...EXTRA_KEYS), fc.constantFrom<unknown>(1, 'x', null, {}))
    .map(([key, value]) => ({ path: [], op: 'addKey', key, value, label: 'extra-field' }));
  // Half the time a field's own refused values (what only a service knows is wrong), else anything refused anywhere.
  const semantic = slots.filter((s) => s.spec.bad?.length);
  const one = fc.oneof(
    { arbitrary: fc.constantFrom(...slots).chain(mutationOf), weight: 5 },
    ...(semantic.length
      ? [{ arbitrary: fc.constantFrom(...semantic).chain((s) => fc.constantFrom(...s.spec.bad!).map((value): Mutation => ({ path: s.path, op: 'set', value, label: 'semantic' }))), weight: 4 }]
      : []),
    { arbitrary: rootExtra, weight: 1 },
  );
  // Mostly one bad field, so that a service's check is what refuses it rather than the gateway's first.
  const count = fc.oneof({ arbitrary: fc.constant(1), weight: 7 }, { arbitrary: fc.integer({ min: 2, max: Math.max(2, max) }), weight: 3 });
  return count.chain((n) => fc.array(one, { minLength: n, maxLength: n }));
}

/** Keys the gateway does not refuse (class-transformer drops them silently): only ever added to a request refused for another reason. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'] as const;
