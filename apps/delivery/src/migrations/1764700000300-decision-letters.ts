import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #10, 不予许可决定书. rejection_reasons: every REJECT of a case, one per (stage, department), learnt from
 * approval's TaskDecided (and routing's CaseRejected, which names the deciding one); decision_letters: one numbered
 * letter per rejected case, with what it prints about the case fixed at issue and the delivery that hands it out.
 */
export class DecisionLetters1764700000300 implements MigrationInterface {
  name = 'DecisionLetters1764700000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE delivery.rejection_reasons (
      case_no text NOT NULL,
      stage int NOT NULL,
      department text NOT NULL,
      task_id text,
      opinion text NOT NULL,
      decided_at timestamptz NOT NULL,
      PRIMARY KEY (case_no, stage, department))`);
    await q.query(`CREATE SEQUENCE delivery.decision_letter_seq`);
    await q.query(`CREATE TABLE delivery.decision_letters (
      letter_no text PRIMARY KEY,
      case_no text NOT NULL UNIQUE,
      delivery_id uuid NOT NULL REFERENCES delivery.deliveries (id),
      item_name text NOT NULL,
      applicant_name text NOT NULL,
      center_code text NOT NULL,
      issued_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery.decision_letters, delivery.rejection_reasons`);
    await q.query(`DROP SEQUENCE delivery.decision_letter_seq`);
  }
}
