import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FollowUpStatus } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

export interface RatingRow {
  id: string;
  case_no: string;
  score: number;
  comment: string | null;
  case_status: string;
  item_code: string;
  item_name: string;
  departments: string[];
  rated_at: Date;
}

export interface NewRating {
  id: string;
  caseNo: string;
  score: number;
  comment: string | null;
  caseStatus: string;
  itemCode: string;
  itemName: string;
  departments: string[];
}

/** A follow-up with the rating it follows up. */
export interface FollowUpRow {
  id: string;
  rating_id: string;
  case_no: string;
  status: FollowUpStatus;
  opened_at: Date;
  due_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
  note: string | null;
  version: number;
  score: number;
  comment: string | null;
  item_code: string;
  item_name: string;
  departments: string[];
}

/** count, avg and 差评 of one group of ratings, as PostgreSQL sums them. */
export interface RatingFiguresRow {
  key: string;
  name: string | null;
  count: number;
  average: string | null;
  poor: number;
}

const RATING_COLUMNS = `id, case_no, score, comment, case_status, item_code, item_name, departments, rated_at`;
const FOLLOW_UP_SELECT = `SELECT f.id, f.rating_id, f.case_no, f.status, f.opened_at, f.due_at, f.closed_at, f.closed_by, f.note, f.version,
       r.score, r.comment, r.item_code, r.item_name, r.departments
  FROM routing.rating_follow_ups f JOIN routing.ratings r ON r.id = f.rating_id`;

/** routing.ratings (one per case) and the rating_follow_ups a 差评 opens. */
@Injectable()
export class RatingRepository {
  constructor(private readonly ds: DataSource) {}

  /** The rating; undefined when the case was rated already (one per case, whoever came first). */
  async add(m: EntityManager, r: NewRating): Promise<RatingRow | undefined> {
    const [created] = await queryRows<RatingRow>(
      m,
      `INSERT INTO routing.ratings (id, case_no, score, comment, case_status, item_code, item_name, departments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[]) ON CONFLICT (case_no) DO NOTHING RETURNING ${RATING_COLUMNS}`,
      [r.id, r.caseNo, r.score, r.comment, r.caseStatus, r.itemCode, r.itemName, r.departments],
    );
    return created;
  }

  async openFollowUp(m: EntityManager, f: { id: string; ratingId: string; caseNo: string; openedAt: Date; dueAt: Date }): Promise<void> {
    await m.query(
      `INSERT INTO routing.rating_follow_ups (id, rating_id, case_no, status, opened_at, due_at) VALUES ($1, $2, $3, 'OPEN', $4, $5)`,
      [f.id, f.ratingId, f.caseNo, f.openedAt, f.dueAt],
    );
  }

  /** Locks a follow-up a supervisor acts on; undefined when there is none. */
  lockFollowUp(m: EntityManager, id: string): Promise<FollowUpRow | undefined> {
    return queryOne<FollowUpRow>(m, `${FOLLOW_UP_SELECT} WHERE f.id = $1 FOR UPDATE OF f`, [id]);
  }

  /** OPEN → CLOSED with the supervisor's note; undefined when it was not OPEN at that version any more. */
  async closeFollowUp(m: EntityManager, row: FollowUpRow, closedBy: string, note: string): Promise<{ closed_at: Date } | undefined> {
    const [closed] = await queryRows<{ closed_at: Date }>(
      m,
      `UPDATE routing.rating_follow_ups SET status = 'CLOSED', closed_at = now(), closed_by = $3, note = $4, version = version + 1
        WHERE id = $1 AND version = $2 AND status = 'OPEN' RETURNING closed_at`,
      [row.id, row.version, closedBy, note],
    );
    return closed;
  }

  /** Oldest due first; optionally of one status. At most 500. */
  followUps(status: FollowUpStatus | undefined): Promise<FollowUpRow[]> {
    return queryRows<FollowUpRow>(
      this.ds.manager,
      `${FOLLOW_UP_SELECT} WHERE ($1::text IS NULL OR f.status = $1) ORDER BY f.due_at, f.id LIMIT 500`,
      [status ?? null],
    );
  }

  /** OPEN follow-ups past their due time at `now`, optionally of one department's cases. */
  overdueFollowUps(now: Date, department: string | undefined): Promise<FollowUpRow[]> {
    return queryRows<FollowUpRow>(
      this.ds.manager,
      `${FOLLOW_UP_SELECT} WHERE f.status = 'OPEN' AND f.due_at < $1 AND ($2::text IS NULL OR $2 = ANY(r.departments)) ORDER BY f.due_at, f.id`,
      [now, department ?? null],
    );
  }

  /** Ratings given in [from, to): overall (key ''), per department (a rating counts for each of its case's), per item. */
  async figures(from: Date, to: Date): Promise<{ overall: RatingFiguresRow; departments: RatingFiguresRow[]; items: RatingFiguresRow[] }> {
    const sums = `count(*)::int AS count, avg(score)::text AS average, (count(*) FILTER (WHERE score <= 2))::int AS poor`;
    const [overall] = await queryRows<RatingFiguresRow>(
      this.ds.manager,
      `SELECT '' AS key, NULL AS name, ${sums} FROM routing.ratings WHERE rated_at >= $1 AND rated_at < $2`,
      [from, to],
    );
    const departments = await queryRows<RatingFiguresRow>(
      this.ds.manager,
      `SELECT d AS key, NULL AS name, ${sums} FROM routing.ratings, unnest(departments) d
        WHERE rated_at >= $1 AND rated_at < $2 GROUP BY d ORDER BY d`,
      [from, to],
    );
    const items = await queryRows<RatingFiguresRow>(
      this.ds.manager,
      `SELECT item_code AS key, max(item_name) AS name, ${sums} FROM routing.ratings
        WHERE rated_at >= $1 AND rated_at < $2 GROUP BY item_code ORDER BY item_code`,
      [from, to],
    );
    return { overall, departments, items };
  }
}
