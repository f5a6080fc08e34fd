type Frame = { kind: 'value'; v: unknown } | { kind: 'text'; s: string };

/**
 * JSON with object keys sorted at every depth, undefined left out: one text per value, whatever order its keys were
 * built or stored in (jsonb reorders them). Used where a value is hashed: the idempotency key's request, the audit
 * chains. Iterative (an explicit stack), so even a value that slipped past the depth rule cannot overflow the stack.
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
