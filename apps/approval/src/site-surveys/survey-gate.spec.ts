import { pendingDepartments, surveyGate } from './survey-gate.js';

const base = { decision: 'APPROVE' as const, requiresSurvey: true, lead: 'EEB', department: 'EEB' };
const scheduled = { surveyId: 's1', departments: ['EEB', 'WRB', 'NRB'], recorded: ['EEB'], recordedAt: null };

describe('survey gate (联合踏勘 before the lead approves)', () => {
  it('stops the lead approving before a survey is scheduled', () => {
    const a = surveyGate({ ...base, survey: undefined });
    expect(a.ok).toBe(false);
  });

  it('stops the lead approving while findings are missing, naming who is missing', () => {
    expect(surveyGate({ ...base, survey: scheduled })).toEqual({
      ok: false,
      message: expect.stringContaining('WRB, NRB'),
      survey: { surveyId: 's1', pending: ['WRB', 'NRB'] },
    });
  });

  it('lets the lead approve once every department recorded its findings', () => {
    const recorded = { ...scheduled, recorded: ['NRB', 'EEB', 'WRB'], recordedAt: new Date() };
    expect(surveyGate({ ...base, survey: recorded })).toEqual({ ok: true });
  });

  it('never holds up a rejection, a supplement request, another department, or an item without a survey', () => {
    expect(surveyGate({ ...base, decision: 'REJECT', survey: undefined }).ok).toBe(true);
    expect(surveyGate({ ...base, decision: 'REQUEST_SUPPLEMENT', survey: undefined }).ok).toBe(true);
    expect(surveyGate({ ...base, department: 'WRB', survey: undefined }).ok).toBe(true);
    expect(surveyGate({ ...base, requiresSurvey: false, survey: undefined }).ok).toBe(true);
    expect(surveyGate({ ...base, lead: undefined, survey: undefined }).ok).toBe(true);
  });

  it('lists pending departments in the survey order', () => {
    expect(pendingDepartments({ departments: ['EEB', 'WRB', 'NRB'], recorded: ['WRB'] })).toEqual(['EEB', 'NRB']);
  });
});
