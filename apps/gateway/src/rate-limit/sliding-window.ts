/**
 * Counts hits per key over the last `windowMs` (a true sliding window: each hit is remembered until it ages out).
 * In memory, so the limit is per replica: N replicas behind a balancer allow up to N × limit per client.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    // Bounds memory when many clients come and go (or someone sprays addresses).
    private readonly maxKeys = 100_000,
  ) {}

  /** Records a hit unless the key is over its limit; says how long to wait when it is. */
  hit(key: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterMs: recent[0] + this.windowMs - now };
    }
    recent.push(now);
    this.hits.delete(key); // re-insert so the Map's order is least-recently-used first
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
    return { allowed: true };
  }

  /** Forgets keys with no hit inside the window. */
  sweep(now = Date.now()): void {
    const since = now - this.windowMs;
    for (const [key, times] of this.hits) if (!times.some((t) => t > since)) this.hits.delete(key);
  }

  get size(): number {
    return this.hits.size;
  }
}
