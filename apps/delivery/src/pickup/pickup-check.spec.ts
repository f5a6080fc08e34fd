import { PiiKeyring } from '#libs/crypto';
import { idHash, idLookup, rekeyIdHash } from '../case-profile/id-hash.js';
import { awaitsWindowPickup, pickupMatches as matchesWith, proxyIdProblem, proxyPickupMatches } from './pickup-check.js';

const keyring = new PiiKeyring();
const lookup = (caseNo: string, idNumber: string) => idLookup(keyring, caseNo, idNumber);
const pickupMatches = (s: Parameters<typeof matchesWith>[0], g: Parameters<typeof matchesWith>[1]) => matchesWith(s, g, lookup);
const stored = { caseNo: 'C-1', pickupCode: '042137', idHash: lookup('C-1', '11010519491231002X') };

describe('idLookup', () => {
  it('is keyed: an unkeyed SHA-256 of the ID does not match, another key gives another hash', () => {
    expect(stored.idHash).toMatch(/^h1\.[0-9a-f]{64}$/);
    expect(stored.idHash).not.toContain(idHash('C-1', '11010519491231002X'));
    expect(idLookup(new PiiKeyring({ current: 'k1', keys: { k1: Buffer.alloc(32, 1) }, lookupKey: Buffer.alloc(32, 2) }), 'C-1', '11010519491231002X')).not.toBe(stored.idHash);
  });

  it('re-keys a hash kept before (the migration) to what a pickup computes', () => {
    expect(rekeyIdHash(keyring, idHash('C-1', '11010519491231002X'))).toBe(stored.idHash);
  });
});

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

describe('委托代领 (proxy pickup)', () => {
  it('takes the code alone once the ID shown is the proxy\'s own', () => {
    expect(proxyIdProblem('440524188001010014', '440524188001010014')).toBeUndefined();
    expect(proxyIdProblem(' 11010519491231002x', '11010519491231002X')).toBeUndefined();
    expect(proxyPickupMatches(stored, { pickupCode: '042137' })).toBe(true);
  });

  it('refuses an ID card that is not the named proxy\'s, and a wrong code', () => {
    expect(proxyIdProblem('11010519491231002X', '440524188001010014')).toMatch(/proxy/);
    expect(proxyPickupMatches(stored, { pickupCode: '042138' })).toBe(false);
    expect(proxyPickupMatches({ pickupCode: null }, { pickupCode: '' })).toBe(false);
  });
});

describe('awaitsWindowPickup', () => {
  it('is a READY window delivery or a courier one returned to the window', () => {
    expect(awaitsWindowPickup({ method: 'WINDOW', status: 'READY' })).toBe(true);
    expect(awaitsWindowPickup({ method: 'COURIER', status: 'RETURNED_TO_WINDOW' })).toBe(true);
    expect(awaitsWindowPickup({ method: 'COURIER', status: 'READY' })).toBe(false);
    expect(awaitsWindowPickup({ method: 'WINDOW', status: 'DELIVERED' })).toBe(false);
  });
});
