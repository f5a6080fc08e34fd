import { AppError } from '#libs/contracts';
import { checkNewDelegation, isDelegationActive } from './delegation-rules.js';

const t = (iso: string) => new Date(iso);

describe('delegation-active rule (AB岗)', () => {
  const d = { validFrom: t('2026-11-23T00:00:00Z'), validTo: t('2026-11-27T16:00:00Z'), revokedAt: null };

  it('is active within [from, to], both ends included', () => {
    expect(isDelegationActive(d, t('2026-11-23T00:00:00Z'))).toBe(true);
    expect(isDelegationActive(d, t('2026-11-25T08:00:00Z'))).toBe(true);
    expect(isDelegationActive(d, t('2026-11-27T16:00:00Z'))).toBe(true);
  });

  it('is not active before it starts or after it ends', () => {
    expect(isDelegationActive(d, t('2026-11-22T23:59:59.999Z'))).toBe(false);
    expect(isDelegationActive(d, t('2026-11-27T16:00:00.001Z'))).toBe(false);
  });

  it('ends the moment it is revoked', () => {
    const revoked = { ...d, revokedAt: t('2026-11-24T10:00:00Z') };
    expect(isDelegationActive(revoked, t('2026-11-24T09:59:59Z'))).toBe(true);
    expect(isDelegationActive(revoked, t('2026-11-24T10:00:00Z'))).toBe(false);
    expect(isDelegationActive(revoked, t('2026-11-26T00:00:00Z'))).toBe(false);
  });
});

describe('checkNewDelegation', () => {
  const now = t('2026-11-23T02:00:00Z');
  const ok = { department: 'NRB', primaryUser: 'rep.nrb', backupUser: 'backup.nrb', from: '2026-11-23T00:00:00+08:00', to: '2026-11-27T23:59:59+08:00', reason: ' 年假 ' };

  function problems(data: unknown): string[] {
    try {
      checkNewDelegation(data, now);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(422);
      return ((e as AppError).details as { problems: { field: string; rule: string }[] }).problems.map((p) => `${p.field}:${p.rule}`);
    }
    throw new Error('expected a refusal');
  }

  it('accepts a well-formed delegation and normalises times to UTC', () => {
    const r = checkNewDelegation(ok, now);
    expect(r).toMatchObject({ from: '2026-11-22T16:00:00.000Z', to: '2026-11-27T15:59:59.000Z', reason: '年假' });
  });

  it('lists every problem at once', () => {
    expect(problems({ ...ok, backupUser: 'rep.nrb', to: '2026-11-22T00:00:00Z', reason: ' ' })).toEqual([
      'reason:matches',
      'backupUser:notPrimary',
      'to:after',
      'to:future',
    ]);
    expect(problems({ ...ok, from: 'soon', to: '2028-01-01T00:00:00Z' })).toEqual(['from:isIso8601']);
    expect(problems({ ...ok, to: '2028-01-01T00:00:00Z' })).toEqual(['to:maxPeriod']);
  });
});
