import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, type Problem, type SupervisionWarningView, type SupervisionWarningsQuery } from '#libs/contracts';
import { queryRows } from '#libs/persistence';

interface WarningRow {
  subject: 'CASE' | 'TASK';
  case_no: string;
  item_code: string;
  item_name: string;
  task_id: string | null;
  stage: number | null;
  department: string | null;
  due_at: Date;
  level: 'YELLOW' | 'RED';
  raised_at: Date;
}

const DEPARTMENT = /^[A-Za-z0-9_-]{1,32}$/;

export function parseWarningsQuery(query: unknown): SupervisionWarningsQuery {
  const q = (query ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  if (q.department !== undefined && q.department !== null && (typeof q.department !== 'string' || !DEPARTMENT.test(q.department))) {
    problems.push({ field: 'department', rule: 'matches', message: 'department must be a department code.' });
  }
  if (q.level !== undefined && q.level !== null && q.level !== 'YELLOW' && q.level !== 'RED') {
    problems.push({ field: 'level', rule: 'isIn', message: 'level must be YELLOW or RED.' });
  }
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return { department: (q.department as string | undefined) ?? undefined, level: (q.level as 'YELLOW' | 'RED' | undefined) ?? undefined };
}

/**
 * The yellow and red items right now: cases and tasks whose clock is running (not decided, not paused for a
 * supplement) and that have had a warning raised; each at the highest level raised, with when it was raised.
 * A department filter shows that department's tasks (the case clock has no department). Red first, then soonest due.
 */
@Injectable()
export class SupervisionWarnings {
  constructor(private readonly ds: DataSource) {}

  async run(query: unknown): Promise<SupervisionWarningView[]> {
    const q = parseWarningsQuery(query);
    const rows = await queryRows<WarningRow>(
      this.ds.manager,
      `SELECT * FROM (
         SELECT 'TASK' AS subject, t.case_no, t.item_code, t.item_name, t.task_id, t.stage, t.department, t.due_at,
                CASE WHEN t.red_raised_at IS NOT NULL THEN 'RED' ELSE 'YELLOW' END AS level,
                COALESCE(t.red_raised_at, t.yellow_raised_at) AS raised_at
           FROM routing.task_clocks t JOIN routing.workflows w ON w.case_no = t.case_no
          WHERE t.status = 'OPEN' AND w.status IN ('ACCEPTED', 'IN_REVIEW')
            AND (t.yellow_raised_at IS NOT NULL OR t.red_raised_at IS NOT NULL)
            AND ($1::text IS NULL OR t.department = $1)
         UNION ALL
         SELECT 'CASE', c.case_no, c.item_code, c.item_name, NULL, NULL, NULL, c.due_at,
                CASE WHEN c.red_raised_at IS NOT NULL THEN 'RED' ELSE 'YELLOW' END,
                COALESCE(c.red_raised_at, c.yellow_raised_at)
           FROM routing.case_clocks c JOIN routing.workflows w ON w.case_no = c.case_no
          WHERE c.status = 'OPEN' AND w.status IN ('ACCEPTED', 'IN_REVIEW')
            AND (c.yellow_raised_at IS NOT NULL OR c.red_raised_at IS NOT NULL)
            AND $1::text IS NULL
       ) items
       WHERE ($2::text IS NULL OR level = $2)
       ORDER BY level DESC, due_at, case_no, subject, department
       LIMIT 1000`,
      [q.department ?? null, q.level ?? null],
    );
    return rows.map((r) => ({
      caseNo: r.case_no,
      itemCode: r.item_code,
      itemName: r.item_name,
      subject: r.subject,
      ...(r.subject === 'TASK' ? { taskId: r.task_id!, stage: r.stage!, department: r.department! } : {}),
      level: r.level,
      dueAt: toShanghai(r.due_at)!,
      raisedAt: toShanghai(r.raised_at)!,
    }));
  }
}
