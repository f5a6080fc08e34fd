import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SiteSurveyView } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';
import type { SurveyState } from './survey-gate.js';

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

/** A survey as scheduled: the view's scheduling part, with who it was scheduled for. */
export type NewSurvey = Pick<SiteSurveyView, 'caseNo' | 'stage' | 'lead' | 'at' | 'place' | 'departments' | 'notified' | 'scheduledBy'> & {
  id: string;
  scheduledOnBehalfOf: string | null;
};

export interface NewFindings {
  surveyId: string;
  department: string;
  findings: string;
  recordedBy: string;
  onBehalfOf: string | null;
}

const SURVEY_COLUMNS = `id, case_no, stage, lead_department, at, place, departments, notified, scheduled_by,
  scheduled_on_behalf_of, created_at, recorded_at`;

/** approval.site_surveys (联合踏勘, one per case and stage) and each department's survey_findings. */
@Injectable()
export class SiteSurveyRepository {
  constructor(private readonly ds: DataSource) {}

  /** The new survey, or undefined when the stage already has one. */
  add(m: EntityManager, s: NewSurvey): Promise<SurveyRow | undefined> {
    return queryOne<SurveyRow>(
      m,
      `INSERT INTO approval.site_surveys (id, case_no, stage, lead_department, at, place, departments, notified, scheduled_by, scheduled_on_behalf_of)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (case_no, stage) DO NOTHING
       RETURNING ${SURVEY_COLUMNS}`,
      [s.id, s.caseNo, s.stage, s.lead, s.at, s.place, s.departments, s.notified, s.scheduledBy, s.scheduledOnBehalfOf],
    );
  }

  async idOf(m: EntityManager, caseNo: string, stage: number): Promise<string | undefined> {
    return (await queryOne<{ id: string }>(m, `SELECT id FROM approval.site_surveys WHERE case_no = $1 AND stage = $2`, [caseNo, stage]))?.id;
  }

  lock(m: EntityManager, id: string): Promise<SurveyRow | undefined> {
    return queryOne<SurveyRow>(m, `SELECT ${SURVEY_COLUMNS} FROM approval.site_surveys WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** By stage. */
  ofCase(caseNo: string): Promise<SurveyRow[]> {
    return queryRows<SurveyRow>(this.ds.manager, `SELECT ${SURVEY_COLUMNS} FROM approval.site_surveys WHERE case_no = $1 ORDER BY stage`, [caseNo]);
  }

  /** False when the department had already recorded its findings of this survey. */
  async addFindings(m: EntityManager, f: NewFindings): Promise<boolean> {
    const inserted = await queryRows(
      m,
      `INSERT INTO approval.survey_findings (survey_id, department, findings, recorded_by, on_behalf_of)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING department`,
      [f.surveyId, f.department, f.findings, f.recordedBy, f.onBehalfOf],
    );
    return inserted.length > 0;
  }

  /** The last findings are in: the survey is recorded. */
  async markRecorded(m: EntityManager, id: string): Promise<Date> {
    const r = await queryOne<{ recorded_at: Date }>(
      m,
      `UPDATE approval.site_surveys SET recorded_at = now(), version = version + 1 WHERE id = $1 RETURNING recorded_at`,
      [id],
    );
    return r!.recorded_at;
  }

  /** Oldest first, then by department. */
  async findingsOf(m: EntityManager, surveyIds: string[]): Promise<FindingRow[]> {
    if (!surveyIds.length) return [];
    return queryRows<FindingRow>(
      m,
      `SELECT survey_id, department, findings, recorded_by, on_behalf_of, recorded_at
         FROM approval.survey_findings WHERE survey_id = ANY($1::uuid[]) ORDER BY recorded_at, department`,
      [surveyIds],
    );
  }

  /** The stage's survey as the gate weighs it: who takes part, who has recorded. */
  async stateOf(m: EntityManager, caseNo: string, stage: number): Promise<SurveyState | undefined> {
    const [s] = await queryRows<SurveyRow>(m, `SELECT ${SURVEY_COLUMNS} FROM approval.site_surveys WHERE case_no = $1 AND stage = $2`, [caseNo, stage]);
    if (!s) return undefined;
    const findings = await this.findingsOf(m, [s.id]);
    return { surveyId: s.id, departments: s.departments, recorded: findings.map((f) => f.department), recordedAt: s.recorded_at };
  }
}
