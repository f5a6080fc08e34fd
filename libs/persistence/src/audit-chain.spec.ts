import { chainHash, ChainWalker, GENESIS_HASH, walkChain, type ChainEntry } from './audit-chain.js';
import { canonicalJson } from './canonical-json.js';

function chain(contents: string[]): ChainEntry[] {
  let prev = GENESIS_HASH;
  return contents.map((content, i) => {
    const hash = chainHash(prev, content);
    const e = { id: i + 1, at: `2026-12-02T0${i}:00:00.000Z`, prevHash: prev, hash, content };
    prev = hash;
    return e;
  });
}

const source = (entries: ChainEntry[], head = { seq: entries.length, hash: entries[entries.length - 1]?.hash ?? GENESIS_HASH }) => ({
  head: async () => head,
  bounds: async (from?: string, to?: string) => {
    const ids = entries.filter((e) => (!from || e.at >= from) && (!to || e.at <= to)).map((e) => e.id);
    return { minId: ids.length ? Math.min(...ids) : null, maxId: ids.length ? Math.max(...ids) : null };
  },
  entries: async (fromId: number, toId: number, limit: number) => entries.filter((e) => e.id >= fromId && e.id <= toId).slice(0, limit),
});

describe('the audit hash chain', () => {
  it('writes one text per value, whatever the key order, leaving undefined out', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined, 'x'], c: null }, e: undefined })).toBe('{"a":{"c":null,"d":[1,null,"x"]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson(JSON.parse('{"b":2,"a":1}')));
  });

  it('hashes the previous hash and the content: SHA-256 hex', () => {
    expect(chainHash(GENESIS_HASH, '{}')).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, '{}')).not.toBe(chainHash(chainHash(GENESIS_HASH, '{}'), '{}'));
  });

  it('finds an intact chain intact, in batches and over a period', async () => {
    const entries = chain(['a', 'b', 'c', 'd', 'e']);
    expect(await walkChain(source(entries), undefined, undefined, 2)).toEqual({ checked: 5, broken: null });
    expect(await walkChain(source(entries), '2026-12-02T01:00:00.000Z', '2026-12-02T03:00:00.000Z')).toEqual({ checked: 3, broken: null });
  });

  it('names a changed entry, a removed one, a replaced one and a cut-off end', async () => {
    const changed = chain(['a', 'b', 'c']);
    changed[1] = { ...changed[1], content: 'B' };
    expect((await walkChain(source(changed))).broken).toMatchObject({ id: 2, reason: expect.stringContaining('changed') });

    const removed = chain(['a', 'b', 'c']);
    expect((await walkChain(source([removed[0], removed[2]], { seq: 3, hash: removed[2].hash }))).broken).toMatchObject({ id: 3, reason: expect.stringContaining('missing') });

    const replaced = chain(['a', 'b', 'c']);
    const forged = chain(['a', 'X', 'c']);
    expect((await walkChain(source([replaced[0], forged[1], replaced[2]], { seq: 3, hash: replaced[2].hash }))).broken).toMatchObject({ id: 3 });

    const cut = chain(['a', 'b', 'c']);
    expect((await walkChain(source(cut.slice(0, 2), { seq: 3, hash: cut[2].hash }))).broken).toMatchObject({ id: 3, reason: expect.stringContaining('head') });
  });

  it('checks the first entry of a period against the one before it', () => {
    const entries = chain(['a', 'b']);
    const w = new ChainWalker({ id: 1, hash: 'f'.repeat(64) });
    expect(w.step(entries[1])).toBe(false);
    expect(w.broken?.reason).toContain('prev_hash');
  });
});
