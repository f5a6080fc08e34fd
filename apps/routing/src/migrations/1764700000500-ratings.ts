import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #10, 好差评. One rating per case (the applicant's, after the case ended), with what the summaries group it by
 * fixed at rating time (the item, the departments that reviewed the case); a 差评 (score ≤ 2) opens one follow-up
 * (差评整改) that a supervisor closes with a note by its due time (5 working days).
 */
export class Ratings1764700000500 implements MigrationInterface {
  name = 'Ratings1764700000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE routing.ratings (
      id uuid PRIMARY KEY,
      case_no text NOT NULL UNIQUE REFERENCES routing.workflows (case_no),
      score int NOT NULL CHECK (score BETWEEN 1 AND 5),
      comment text,
      case_status text NOT NULL,
      item_code text NOT NULL,
      item_name text NOT NULL,
      departments text[] NOT NULL,
      rated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ratings_rated_at ON routing.ratings (rated_at)`);
    await q.query(`CREATE TABLE routing.rating_follow_ups (
      id uuid PRIMARY KEY,
      rating_id uuid NOT NULL UNIQUE REFERENCES routing.ratings (id),
      case_no text NOT NULL,
      status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
      opened_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      closed_at timestamptz,
      closed_by text,
      note text,
      version int NOT NULL DEFAULT 1)`);
    await q.query(`CREATE INDEX rating_follow_ups_open_due ON routing.rating_follow_ups (due_at) WHERE status = 'OPEN'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE routing.rating_follow_ups, routing.ratings`);
  }
}
