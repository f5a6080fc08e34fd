import { canonicalJson } from '#libs/persistence';
import { requestHash } from './request-hash.js';

describe('the request hash an Idempotency-Key is bound to', () => {
  const body = { decision: 'REJECT', opinion: '材料不全', nested: { b: 1, a: [2, { y: 1, x: 2 }] } };

  it('is the same for the same body serialised in another key order', () => {
    const reordered = { nested: { a: [2, { x: 2, y: 1 }], b: 1 }, opinion: '材料不全', decision: 'REJECT' };
    expect(requestHash('POST', '/api/v1/tasks/t1/decision', reordered)).toBe(requestHash('POST', '/api/v1/tasks/t1/decision', body));
  });

  it('changes with any value, the path or the method', () => {
    const h = requestHash('POST', '/api/v1/tasks/t1/decision', body);
    expect(requestHash('POST', '/api/v1/tasks/t1/decision', { ...body, opinion: '材料齐全' })).not.toBe(h);
    expect(requestHash('POST', '/api/v1/tasks/t2/decision', body)).not.toBe(h);
    expect(requestHash('PUT', '/api/v1/tasks/t1/decision', body)).not.toBe(h);
  });

  it('keeps array order, which carries meaning', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('treats a missing body and an empty one differently from each other, and an absent field as absent', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(requestHash('POST', '/p', undefined)).not.toBe(requestHash('POST', '/p', {}));
  });

  it('is a sha256 in hex', () => {
    expect(requestHash('POST', '/p', {})).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes a body nested 100,000 levels deep without recursing (the same text as before)', () => {
    let deep: unknown = { z: 1, a: [null, 'x'] };
    for (let i = 0; i < 100_000; i++) deep = { k: deep };
    expect(canonicalJson(deep)).toMatch(/^(\{"k":){100000}\{"a":\[null,"x"\],"z":1\}/);
  });
});
