import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case view (issue #12): GET /cases/{caseNo} read from one row instead of asking five services.
 *
 * routing.case_views holds per case what the view shows, in parts:
 * - `workflow`: routing's own part (status, deadlines, suspensions), written in the transaction of every event routing
 *   handles, so it is exact;
 * - `parts`: the last known part of each other owner (intake, approval's tasks and opinions, fees' notice, delivery's
 *   deliveries), each `{value, rev, fetchedRev, fetchedBy}`. An owner's event sets the part's `rev` (the event id) in
 *   routing's handler transaction; the part is stale while `fetchedRev` differs from `rev`, and the next read fetches
 *   it from its owner and writes it back only if `rev` is still the one it fetched under (compare-and-set) and no
 *   later read (`fetchedBy`, a ticket from routing.case_view_reads) wrote it first;
 * - `blocks`: the dead letters of the case as last looked up;
 * - `version`: moves when what the view shows moves, and only then; `as_of`: the latest event the version reflects
 *   (`seen_at`: the latest event applied at all).
 * No personal data beyond what the page shows masked: ID numbers and phones masked, no addresses (a delivery with
 * an address is kept without it and read from delivery each time).
 *
 * A change of version, and an owner's part going stale, is told with NOTIFY routing_case_view (payload: the case
 * number), which PostgreSQL delivers only after the commit; routing relays it to core NATS
 * (`<namespace>.caseview.changed.<caseNo>`) for the gateway's long-poll.
 */
export class CaseViews1764800000120 implements MigrationInterface {
  name = 'CaseViews1764800000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE routing.case_view_reads`);
    await q.query(`CREATE TABLE routing.case_views (
      case_no text PRIMARY KEY,
      version bigint NOT NULL DEFAULT 1,
      as_of timestamptz NOT NULL,
      seen_at timestamptz NOT NULL,
      workflow jsonb NOT NULL,
      parts jsonb NOT NULL DEFAULT '{}',
      blocks jsonb NOT NULL DEFAULT '[]')`);
    await q.query(`CREATE FUNCTION routing.case_view_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.version <> OLD.version OR EXISTS (
             SELECT 1 FROM jsonb_each(NEW.parts) n WHERE n.value->'rev' IS DISTINCT FROM OLD.parts->n.key->'rev') THEN
          PERFORM pg_notify('routing_case_view', NEW.case_no);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER case_view_changed AFTER INSERT OR UPDATE ON routing.case_views
      FOR EACH ROW EXECUTE FUNCTION routing.case_view_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE routing.case_views`);
    await q.query(`DROP FUNCTION routing.case_view_changed()`);
    await q.query(`DROP SEQUENCE routing.case_view_reads`);
  }
}
