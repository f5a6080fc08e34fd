import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { caseBlocks, NATS_CONNECTION, SERVICE_CONFIG } from '#libs/messaging';
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

const DEPARTMENT = /^[A-Z0-9_-]{1,32}$/;

export function parseWarningsQuery(query: unknown): SupervisionWarningsQuery {
  const q = (query ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  if (q.department !== undefined && q.department !== null && (typeof q.department !== 'string' || !DEPARTMENT.test(q.department))) {
    problems.push({ field: 'department', rule: 'matches', message: 'department must be a department code.' });
  }
  if (q.level !== undefined && q.level !== null && q.level !== 'YELLOW' && q.level !== 'RED' && q.level !== 'BLOCKED') {
    problems.push({ field: 'level', rule: 'isIn', message: 'level must be YELLOW, RED or BLOCKED.' });
  }
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return { department: (q.department as string | undefined) ?? undefined, level: (q.level as SupervisionWarningsQuery['level']) ?? undefined };
}

/**
 * Blocked cases first (a service parked one of their events: nothing moves until a person replays or discards it),
 * then the yellow and red items right now: cases and tasks whose clock is running (not decided, not paused for a
 * supplement) and that have had a warning raised; each at the highest level raised, with when it was raised.
 * A department filter shows that department's tasks (the case clock has no department). Red first, then soonest due.
 */
@Injectable()
export class SupervisionWarnings {
  constructor(
    private readonly ds: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async run(query: unknown): Promise<SupervisionWarningView[]> {
    const q = parseWarningsQuery(query);
    // Blocks have no department: like case-level warnings, a department filter leaves them out.
    const blocked = q.department || (q.level && q.level !== 'BLOCKED') ? [] : await this.blocked();
    if (q.level === 'BLOCKED') return blocked;
    return [...blocked, ...(await this.clockWarnings(q))];
  }

  private async blocked(): Promise<SupervisionWarningView[]> {
    const blocks = await caseBlocks(this.nc, this.config.namespace);
    if (!blocks.length) return [];
    const items = await queryRows<{ case_no: string; item_code: string; item_name: string }>(
      this.ds.manager,
      `SELECT case_no, item_code, item_name FROM routing.workflows WHERE case_no = ANY($1::text[])`,
      [blocks.map((b) => b.caseNo)],
    );
    const itemOf = new Map(items.map((r) => [r.case_no, r]));
    return blocks
      .sort((a, b) => a.parkedAt.localeCompare(b.parkedAt))
      .map((b) => ({
        caseNo: b.caseNo,
        itemCode: itemOf.get(b.caseNo)?.item_code ?? '',
        itemName: itemOf.get(b.caseNo)?.item_name ?? '',
        subject: 'CASE' as const,
        level: 'BLOCKED' as const,
        raisedAt: toShanghai(new Date(b.parkedAt))!,
        blockedBy: {
          service: b.service,
          consumer: b.consumer,
          ...(b.eventType ? { eventType: b.eventType } : {}),
          reason: b.reason,
          parkedAt: toShanghai(new Date(b.parkedAt))!,
          deadLetterSeq: b.seq,
        },
      }));
  }

  private async clockWarnings(q: SupervisionWarningsQuery): Promise<SupervisionWarningView[]> {
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
