import { isInstant } from './instant.js';

describe('isInstant: an ISO 8601 time every service can store', () => {
  it('takes calendar dates and times, with or without an offset', () => {
    for (const v of ['2026-12-02', '2026-12-02T10:15:00+08:00', '2026-12-02T02:15:00Z', '2026-12-02T10:15+08:00', '2026-12-02T10:15:00.123456Z', '2028-02-29'])
      expect([v, isInstant(v)]).toEqual([v, true]);
  });

  it('refuses week and ordinal dates, impossible dates, year 0 and anything else', () => {
    for (const v of ['2026-W01', '2026-W01-1T10:00:00Z', '2026-123', '2026-02-30', '2027-02-29', '0000-01-01', '20261202', 'yesterday', '', 42, null])
      expect([v, isInstant(v)]).toEqual([v, false]);
  });
});

describe('NoNestedArrays: a list of objects holds no lists', () => {
  it('refuses [[]] that ValidateNested alone lets through, and leaves other problems to their own rules', async () => {
    const { checkCommand } = await import('./check-command.js');
    const { DecisionSchema } = await import('./approval/decide-task.schema.js');
    expect(() => checkCommand(DecisionSchema, { decision: 'REQUEST_SUPPLEMENT', opinion: '补', requested: [[]] })).toThrow(
      expect.objectContaining({ details: { problems: [expect.objectContaining({ field: 'requested', rule: 'noNestedArrays' })] } }),
    );
    expect(() => checkCommand(DecisionSchema, { decision: 'REQUEST_SUPPLEMENT', opinion: '补', requested: [{ name: '完税凭证' }] })).not.toThrow();
  });
});
