import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/**
 * The process's one Prometheus registry, served as `GET /metrics` on its HTTP port. Every series carries
 * `service` (set at start); label values are bounded sets (route templates, subjects, event types, durable names,
 * statuses), never a case number or an id.
 */
export const metricsRegistry = new Registry();

/** Latency buckets (seconds) shared by every histogram: 5 ms to 10 s, 11 buckets. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

let labelled = false;

/** Names the process in every series, and adds Node's own (CPU, memory, event loop lag, GC). Once per process. */
export function initMetrics(service: string): void {
  if (labelled) return;
  labelled = true;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry });
}

export function metricsText(): Promise<string> {
  return metricsRegistry.metrics();
}

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;

/** The registry's metric of that name, or a new one made by `make` (a second app in a test process reuses it). */
export function metric<T>(name: string, make: () => T): T {
  return (metricsRegistry.getSingleMetric(name) as T | undefined) ?? make();
}

const scrapeErrors = metric(
  'ow_scrape_errors_total',
  () => new Counter({ name: 'ow_scrape_errors_total', help: 'Scrape-time readings that failed or timed out (the series keep their last value)', labelNames: ['reading'], registers: [metricsRegistry] }),
);

/** A reading's rows: label values and a value. */
export type Reading = { labels: Record<string, string>; value: number }[];

/**
 * A value read at scrape time (a query, a JetStream info call), cached `ttlMs` so frequent or concurrent scrapes
 * cost one reading, bounded by `timeoutMs` so /metrics never hangs on a sick dependency. A failed or late reading
 * is counted (`ow_scrape_errors_total{reading}`) and the last good one is served.
 */
export function cachedReading(name: string, read: () => Promise<Reading>, ttlMs = 5000, timeoutMs = 2000): () => Promise<Reading> {
  let last: Reading = [];
  let at = 0;
  let pending: Promise<Reading> | undefined;
  return () => {
    if (Date.now() - at < ttlMs) return Promise.resolve(last);
    pending ??= withTimeout(read(), timeoutMs)
      .then((r) => {
        last = r;
        at = Date.now();
        return r;
      })
      .catch(() => {
        scrapeErrors.inc({ reading: name });
        at = Date.now();
        return last;
      })
      .finally(() => (pending = undefined));
    return pending;
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The readings feeding one gauge; a source is removed when its app closes. */
const sources = new Map<string, Set<() => Promise<Reading>>>();

/**
 * A gauge whose value is read at scrape time from every source registered for it (one per app; a process runs one
 * app outside tests). Answers a function that removes the source.
 */
export function scrapeGauge(name: string, help: string, labelNames: string[], source: () => Promise<Reading>): () => void {
  let set = sources.get(name);
  if (!set) {
    const readers = (set = new Set());
    sources.set(name, set);
    new Gauge({
      name,
      help,
      labelNames,
      registers: [metricsRegistry],
      async collect() {
        const readings = await Promise.all([...readers].map((r) => r()));
        this.reset();
        for (const reading of readings) for (const row of reading) this.set(row.labels, row.value);
      },
    });
  }
  set.add(source);
  return () => set.delete(source);
}

/**
 * Counters kept elsewhere as plain numbers (the messaging `counters` object), served as Prometheus counters
 * `<prefix>_<key in snake case>_total`, read at scrape time: the hot path keeps its `counters.x++` and nothing more.
 */
export function countersFrom(prefix: string, help: string, numbers: Record<string, number>): void {
  for (const key of Object.keys(numbers)) {
    const name = `${prefix}_${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_total`;
    metric(name, () =>
      new Counter({
        name,
        help: `${help} (${key})`,
        registers: [metricsRegistry],
        collect() {
          this.reset();
          this.inc(numbers[key] ?? 0);
        },
      }),
    );
  }
}
