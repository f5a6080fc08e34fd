import { createHash } from 'node:crypto';

type Frame = { kind: 'value'; v: unknown } | { kind: 'text'; s: string };

/**
 * JSON with object keys sorted, so a retry whose client serialised the same body in another order still matches.
 * Iterative (an explicit stack), so even a body that slipped past the depth rule cannot overflow the call stack.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const stack: Frame[] = [{ kind: 'value', v: value }];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.kind === 'text') {
      out.push(f.s);
      continue;
    }
    const v = f.v;
    if (v === null || typeof v !== 'object') {
      out.push(JSON.stringify(v) ?? 'null');
      continue;
    }
    // Children are pushed in reverse, each preceded by its separator, so they pop in order.
    const parts: Frame[] = [];
    if (Array.isArray(v)) {
      parts.push({ kind: 'text', s: '[' });
      v.forEach((x, i) => {
        if (i) parts.push({ kind: 'text', s: ',' });
        parts.push({ kind: 'value', v: x });
      });
      parts.push({ kind: 'text', s: ']' });
    } else {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o)
        .sort()
        .filter((k) => o[k] !== undefined);
      parts.push({ kind: 'text', s: '{' });
      keys.forEach((k, i) => {
        parts.push({ kind: 'text', s: `${i ? ',' : ''}${JSON.stringify(k)}:` });
        parts.push({ kind: 'value', v: o[k] });
      });
      parts.push({ kind: 'text', s: '}' });
    }
    for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
  }
  return out.join('');
}

/** What a retry must repeat exactly to get the first answer back. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}
