import type { EntityManager } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import type { SiteSurveyView } from '#libs/contracts';
import { queryRows } from '#libs/persistence';
import { pendingDepartments, type SurveyState } from './survey-gate.js';

export interface SurveyRow {
  id: string;
  case_no: string;
  stage: number;
  lead_department: string;
  at: Date;
  place: string;
  departments: string[];
  notified: string[];
  scheduled_by: string;
  scheduled_on_behalf_of: string | null;
  created_at: Date;
  recorded_at: Date | null;
}

export interface FindingRow {
  survey_id: string;
  department: string;
  findings: string;
  recorded_by: string;
  on_behalf_of: string | null;
  recorded_at: Date;
}

export const SURVEY_COLUMNS = `id, case_no, stage, lead_department, at, place, departments, notified, scheduled_by,
  scheduled_on_behalf_of, created_at, recorded_at`;

export async function findingsOf(m: EntityManager, surveyIds: string[]): Promise<FindingRow[]> {
  if (!surveyIds.length) return [];
  return queryRows<FindingRow>(
    m,
    `SELECT survey_id, department, findings, recorded_by, on_behalf_of, recorded_at
       FROM approval.survey_findings WHERE survey_id = ANY($1::uuid[]) ORDER BY recorded_at, department`,
    [surveyIds],
  );
}

export async function surveyState(m: EntityManager, caseNo: string, stage: number): Promise<SurveyState | undefined> {
  const [s] = await queryRows<SurveyRow>(m, `SELECT ${SURVEY_COLUMNS} FROM approval.site_surveys WHERE case_no = $1 AND stage = $2`, [caseNo, stage]);
  if (!s) return undefined;
  const findings = await findingsOf(m, [s.id]);
  return { surveyId: s.id, departments: s.departments, recorded: findings.map((f) => f.department), recordedAt: s.recorded_at };
}

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
