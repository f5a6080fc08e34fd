import { etagOf, ifNoneMatch } from './case-view.service.js';

describe("the case view's ETag", () => {
  it('is made from the case and its version, and marks a degraded view as another one', () => {
    expect(etagOf({ caseNo: 'C1', version: 7 })).toBe('"C1.7"');
    expect(etagOf({ caseNo: 'C1', version: 7, degraded: ['fees', 'delivery'] })).toBe('"C1.7.degraded-fees-delivery"');
  });

  it('matches If-None-Match by RFC 9110: any listed tag, weakly, or *', () => {
    expect(ifNoneMatch('"C1.7"', '"C1.7"')).toBe(true);
    expect(ifNoneMatch('W/"C1.7"', '"C1.7"')).toBe(true);
    expect(ifNoneMatch('"C1.6", "C1.7"', '"C1.7"')).toBe(true);
    expect(ifNoneMatch('*', '"C1.7"')).toBe(true);
    expect(ifNoneMatch('"C1.6"', '"C1.7"')).toBe(false);
    expect(ifNoneMatch('"C1.7.degraded-fees"', '"C1.7"')).toBe(false);
    expect(ifNoneMatch(undefined, '"C1.7"')).toBe(false);
  });
});
