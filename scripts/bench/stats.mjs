// Percentiles by the nearest-rank method: p of n sorted values is the ceil(p/100·n)-th; never interpolated, so a
// reported figure is always one that was measured.
export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** {n, p50, p95, p99, max, mean} of the values (ms), rounded to 0.1 ms; nulls when there are none. */
export function summarize(values) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const r = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    n: xs.length,
    p50: r(percentile(xs, 50)),
    p95: r(percentile(xs, 95)),
    p99: r(percentile(xs, 99)),
    max: r(xs.length ? xs[xs.length - 1] : null),
    mean: r(xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null),
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
