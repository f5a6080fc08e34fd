import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The survey flag travels with the case from the item version it was accepted under, so later catalog edits never change it. */
export class SiteSurveyFlag1763900000460 implements MigrationInterface {
  name = 'SiteSurveyFlag1763900000460';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE routing.workflows ADD COLUMN joint_site_survey boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE routing.workflows DROP COLUMN joint_site_survey`);
  }
}
