import { Events, type EventEnvelope } from '#libs/contracts';
import { summarize } from './timeline-summary.js';

function envelope<T>(type: string, data: T): EventEnvelope<T> {
  return {
    id: '0190a000-0000-7000-8000-000000000002',
    type,
    occurredAt: '2026-11-24T02:00:00.000Z',
    caseNo: 'C1',
    correlationId: 'c',
    causationId: null,
    actor: { id: 'backup.nrb', role: 'CHIEF_REP', department: 'NRB', onBehalfOf: 'rep.nrb' },
    data,
  };
}

describe('the clock on the timeline', () => {
  it('shows an extension with both due times in Asia/Shanghai', () => {
    const data = { taskId: 't1', stage: 1, department: 'NRB', workingDays: 2, reason: '现场核查', previousDueAt: '2026-11-30T15:59:59.000Z', dueAt: '2026-12-02T15:59:59.000Z' };
    expect(summarize(envelope(Events.TaskExtended, data))).toEqual({
      ...data,
      previousDueAt: '2026-11-30T23:59:59+08:00',
      dueAt: '2026-12-02T23:59:59+08:00',
    });
  });

  it('shows a warning with its level, subject and due time', () => {
    expect(summarize(envelope(Events.WarningRaised, { level: 'RED', subject: 'CASE', dueAt: '2026-11-30T15:59:59.000Z' }))).toEqual({
      level: 'RED',
      subject: 'CASE',
      dueAt: '2026-11-30T23:59:59+08:00',
    });
  });

  it('shows a suspension with why and what, and its end with how long it counted', () => {
    const requested = [{ code: 'M05', name: '完税凭证' }];
    expect(summarize(envelope(Events.CaseSuspended, { taskId: 't1', stage: 1, department: 'TAX', requested, reason: '补正', suspensionId: 's1' }))).toEqual({
      taskId: 't1',
      stage: 1,
      department: 'TAX',
      requested,
      reason: '补正',
      suspensionId: 's1',
    });
    const resumed = summarize(
      envelope(Events.CaseResumed, {
        suspendedWorkingDays: 3,
        promisedDeadline: '2026-12-03T15:59:59.000Z',
        legalDeadline: '2027-01-08T15:59:59.000Z',
        suspensionId: 's1',
        suspendedAt: '2026-11-20T02:00:00.000Z',
        reason: '补正',
      }),
    );
    expect(resumed).toEqual({
      suspensionId: 's1',
      suspendedAt: '2026-11-20T10:00:00+08:00',
      reason: '补正',
      suspendedWorkingDays: 3,
      promisedDeadline: '2026-12-03T23:59:59+08:00',
      legalDeadline: '2027-01-08T23:59:59+08:00',
    });
  });
});
