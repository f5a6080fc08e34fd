import { SlidingWindowLimiter } from './sliding-window.js';

describe('the per-client sliding window', () => {
  it('allows the limit within a window, refuses the next and says when to retry', () => {
    const l = new SlidingWindowLimiter(3, 60_000);
    expect([0, 1000, 2000].map((t) => l.hit('1.2.3.4', t).allowed)).toEqual([true, true, true]);
    expect(l.hit('1.2.3.4', 30_000)).toEqual({ allowed: false, retryAfterMs: 30_000 });
  });

  it('slides: a hit frees up once it is a window old, not at a fixed boundary', () => {
    const l = new SlidingWindowLimiter(2, 60_000);
    l.hit('a', 0);
    l.hit('a', 50_000);
    expect(l.hit('a', 59_999).allowed).toBe(false);
    expect(l.hit('a', 60_001).allowed).toBe(true);
    expect(l.hit('a', 60_002).allowed).toBe(false);
  });

  it('does not count refused requests against the client', () => {
    const l = new SlidingWindowLimiter(1, 1000);
    l.hit('a', 0);
    for (let t = 1; t < 1000; t += 100) l.hit('a', t);
    expect(l.hit('a', 1001).allowed).toBe(true);
  });

  it('keeps clients apart', () => {
    const l = new SlidingWindowLimiter(1, 1000);
    expect(l.hit('a', 0).allowed).toBe(true);
    expect(l.hit('b', 0).allowed).toBe(true);
  });

  it('forgets idle clients and never holds more than its bound', () => {
    const l = new SlidingWindowLimiter(5, 1000, 3);
    ['a', 'b', 'c', 'd'].forEach((k, i) => l.hit(k, i));
    expect(l.size).toBe(3);
    l.sweep(5000);
    expect(l.size).toBe(0);
  });
});
