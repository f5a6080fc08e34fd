import { toShanghai } from '#libs/calendar';
import type { SiteSurveyView } from '#libs/contracts';
import type { FindingRow, SurveyRow } from './site-survey.repository.js';
import { pendingDepartments } from './survey-gate.js';

/** The survey with its own findings (`findings` may hold other surveys' too) and who is still to record. */
export function toSurveyView(s: SurveyRow, findings: FindingRow[]): SiteSurveyView {
  const mine = findings.filter((f) => f.survey_id === s.id);
  return {
    surveyId: s.id,
    caseNo: s.case_no,
    stage: s.stage,
    lead: s.lead_department,
    at: toShanghai(s.at)!,
    place: s.place,
    departments: s.departments,
    notified: s.notified,
    scheduledBy: s.scheduled_by,
    scheduledAt: toShanghai(s.created_at)!,
    findings: mine.map((f) => ({
      department: f.department,
      findings: f.findings,
      recordedBy: f.recorded_by,
      ...(f.on_behalf_of ? { onBehalfOf: f.on_behalf_of } : {}),
      recordedAt: toShanghai(f.recorded_at)!,
    })),
    pending: pendingDepartments({ departments: s.departments, recorded: mine.map((f) => f.department) }),
    ...(s.recorded_at ? { recordedAt: toShanghai(s.recorded_at)! } : {}),
  };
}
