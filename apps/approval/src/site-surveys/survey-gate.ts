import type { DecideTaskRequest } from '#libs/contracts';

export interface SurveyState {
  surveyId: string;
  departments: string[];
  recorded: string[];
  recordedAt: Date | null;
}

export type GateAnswer = { ok: true } | { ok: false; message: string; survey?: { surveyId: string; pending: string[] } };

/**
 * 联合踏勘 gate: on an item that needs a joint site survey, the lead department may not APPROVE its task before
 * the survey of that stage is recorded, that is, every participating department's findings are in. Rejections
 * and supplement requests are never held up, nor are the other departments' decisions.
 */
export function surveyGate(input: {
  decision: DecideTaskRequest['decision'];
  requiresSurvey: boolean;
  lead: string | undefined;
  department: string;
  survey: SurveyState | undefined;
}): GateAnswer {
  if (input.decision !== 'APPROVE' || !input.requiresSurvey || !input.lead || input.department !== input.lead) return { ok: true };
  const s = input.survey;
  if (!s) return { ok: false, message: `The joint site survey (联合踏勘) of this stage has not been scheduled; ${input.lead} schedules it, then every department records its findings.` };
  const pending = pendingDepartments(s);
  if (s.recordedAt && !pending.length) return { ok: true };
  return {
    ok: false,
    message: `The joint site survey (联合踏勘) is not recorded yet: findings missing from ${pending.join(', ')}.`,
    survey: { surveyId: s.surveyId, pending },
  };
}

export function pendingDepartments(s: { departments: string[]; recorded: string[] }): string[] {
  return s.departments.filter((d) => !s.recorded.includes(d));
}
