import { idHash } from '../case-profile/id-hash.js';
import { pickupMatches } from './pickup-check.js';

const stored = { caseNo: 'C-1', pickupCode: '042137', idHash: idHash('C-1', '11010519491231002X') };

describe('pickupMatches', () => {
  it('releases with the right code and the right ID, check character in either case', () => {
    expect(pickupMatches(stored, { pickupCode: '042137', idNumber: '11010519491231002x' })).toBe(true);
  });

  it('refuses a wrong code', () => {
    expect(pickupMatches(stored, { pickupCode: '042138', idNumber: '11010519491231002X' })).toBe(false);
  });

  it('refuses a wrong ID number', () => {
    expect(pickupMatches(stored, { pickupCode: '042137', idNumber: '110105194912310038' })).toBe(false);
  });

  it('refuses the code without its leading zero', () => {
    expect(pickupMatches(stored, { pickupCode: '42137', idNumber: '11010519491231002X' })).toBe(false);
  });

  it('refuses everything when there is no code', () => {
    expect(pickupMatches({ ...stored, pickupCode: null }, { pickupCode: '', idNumber: '11010519491231002X' })).toBe(false);
  });
});
