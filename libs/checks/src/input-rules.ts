/**
 * The one rule for every input, whatever the route or service: text carries no NUL and no unpaired surrogate
 * (PostgreSQL refuses the first, and the second is not Unicode), and is of bounded length; JSON is of bounded
 * depth and size. Checked without recursion, so no input can exhaust the stack.
 */
export interface InputProblem {
  field: string;
  rule: string;
  message: string;
}

export const INPUT_LIMITS = {
  /** Deep enough for every document the API takes (a catalog item is 5 levels). */
  maxDepth: 32,
  /** Values (objects, arrays, scalars) in one body. */
  maxNodes: 20_000,
  /** Characters in any one string, keys included; fields have tighter limits of their own. */
  maxStringLength: 20_000,
} as const;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is not acceptable text, or null when it is. */
export function textProblem(s: string, maxLength: number = INPUT_LIMITS.maxStringLength): string | null {
  if (s.includes('\u0000')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(s)) return 'must not contain an unpaired surrogate (not valid Unicode)';
  if (s.length > maxLength) return `must be at most ${maxLength} characters`;
  return null;
}

export function isCleanText(s: unknown, maxLength?: number): s is string {
  return typeof s === 'string' && textProblem(s, maxLength) === null;
}

/**
 * Every problem of a parsed JSON value under the global rule: too deep, too many values, bad text in a key or a
 * string, a number that is not finite. Stops collecting after `maxProblems` so a hostile body cannot make a huge answer.
 */
export function jsonProblems(value: unknown, root = 'body', limits = INPUT_LIMITS, maxProblems = 50): InputProblem[] {
  const problems: InputProblem[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  let nodes = 0;
  while (stack.length && problems.length < maxProblems) {
    const { v, path, depth } = stack.pop()!;
    if (++nodes > limits.maxNodes) {
      problems.push({ field: root, rule: 'maxSize', message: `${root} must hold at most ${limits.maxNodes} values` });
      break;
    }
    if (typeof v === 'string') {
      const p = textProblem(v, limits.maxStringLength);
      if (p) problems.push({ field: path, rule: 'text', message: `${path} ${p}` });
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) problems.push({ field: path, rule: 'finite', message: `${path} must be a finite number` });
    } else if (v !== null && typeof v === 'object') {
      if (depth >= limits.maxDepth) {
        problems.push({ field: path, rule: 'maxDepth', message: `${root} must be nested at most ${limits.maxDepth} levels deep` });
        continue;
      }
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i];
        const childPath = Array.isArray(v) ? `${path}[${k}]` : `${path}.${safeKey(k)}`;
        if (!Array.isArray(v)) {
          const p = textProblem(k, 200);
          if (p) problems.push({ field: childPath, rule: 'key', message: `a key in ${path} ${p}` });
        }
        stack.push({ v: x, path: childPath, depth: depth + 1 });
      }
    }
  }
  return problems.slice(0, maxProblems);
}

/** Keys are echoed in problems: keep the echo printable and short. */
function safeKey(k: string): string {
  const printable = k.replace(/[\u0000-\u001f\uD800-\uDFFF]/g, '?');
  return printable.length > 64 ? `${printable.slice(0, 64)}…` : printable;
}
