import type { EntityManager } from 'typeorm';
import { queryOne } from '#libs/persistence';

export interface StageSurveyRules {
  jointSiteSurvey: boolean;
  /** The stage's lead department, if the plan names one. */
  lead?: string;
}

/**
 * Whether a stage needs a joint site survey and who leads it, as the case's StageOpened event said: it comes from the
 * item version the case was accepted under, so a later catalog edit never changes a running case.
 */
export async function stageSurveyRules(m: EntityManager, caseNo: string, stage: number): Promise<StageSurveyRules> {
  const row = await queryOne<{ stage_lead: string | null; survey_required: boolean }>(
    m,
    `SELECT stage_lead, survey_required FROM approval.review_tasks WHERE case_no = $1 AND stage = $2 LIMIT 1`,
    [caseNo, stage],
  );
  return { jointSiteSurvey: row?.survey_required === true, lead: row?.stage_lead ?? undefined };
}
