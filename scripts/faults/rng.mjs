// A small seeded PRNG (mulberry32): the fault suite's plan (which script each lifecycle runs, the chaos schedule)
// comes from one seed, so FAULT_SEED replays it.
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** Uniform in [min, max). */
    between: (min, max) => min + next() * (max - min),
    int: (min, maxInclusive) => min + Math.floor(next() * (maxInclusive - min + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    /** A key of `weights` drawn with the given weights. */
    weighted(weights) {
      const total = Object.values(weights).reduce((s, w) => s + w, 0);
      let x = next() * total;
      for (const [k, w] of Object.entries(weights)) {
        if ((x -= w) < 0) return k;
      }
      return Object.keys(weights).at(-1);
    },
    shuffle(xs) {
      const a = [...xs];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
    /** A child generator: independent streams from one seed (the plan does not shift when another part draws more). */
    fork: (salt) => rng((seed ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0),
  };
}
