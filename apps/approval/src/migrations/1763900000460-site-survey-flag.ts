import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each task knows, from its StageOpened event, its stage's lead and whether the lead must wait for a joint site survey. */
export class SiteSurveyFlag1763900000460 implements MigrationInterface {
  name = 'SiteSurveyFlag1763900000460';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE approval.review_tasks ADD COLUMN stage_lead text, ADD COLUMN survey_required boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE approval.review_tasks DROP COLUMN stage_lead, DROP COLUMN survey_required`);
  }
}
