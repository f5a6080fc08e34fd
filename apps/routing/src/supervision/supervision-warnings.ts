import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ServiceConfig } from '#libs/config';
import { caseBlocks, NATS_CONNECTION } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, type Problem, type SupervisionWarningView, type SupervisionWarningsQuery } from '#libs/contracts';
import { WarningRepository } from '../clock/warning.repository.js';
import { RatingWarnings } from '../ratings/rating-warnings.js';
import { WorkflowRepository } from '../workflow/workflow.repository.js';

const DEPARTMENT = /^[A-Z0-9_-]{1,32}$/;

export function parseWarningsQuery(query: unknown): SupervisionWarningsQuery {
  const q = (query ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  if (q.department !== undefined && q.department !== null && (typeof q.department !== 'string' || !DEPARTMENT.test(q.department))) {
    problems.push({ field: 'department', rule: 'matches', message: 'department must be a department code.' });
  }
  if (q.level !== undefined && q.level !== null && q.level !== 'YELLOW' && q.level !== 'RED' && q.level !== 'BLOCKED' && q.level !== 'RATING_OVERDUE') {
    problems.push({ field: 'level', rule: 'isIn', message: 'level must be YELLOW, RED, BLOCKED or RATING_OVERDUE.' });
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
    private readonly warnings: WarningRepository,
    private readonly workflows: WorkflowRepository,
    private readonly ratingWarnings: RatingWarnings,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(query: unknown): Promise<SupervisionWarningView[]> {
    const q = parseWarningsQuery(query);
    // Blocks have no department: like case-level warnings, a department filter leaves them out.
    const blocked = q.department || (q.level && q.level !== 'BLOCKED') ? [] : await this.blocked();
    if (q.level === 'BLOCKED') return blocked;
    // 差评整改 (#10): follow-ups of poor ratings still open past their due time, after the clocks' items.
    if (q.level === 'RATING_OVERDUE') return this.ratingWarnings.current(q);
    return [...blocked, ...(await this.clockWarnings(q)), ...(await this.ratingWarnings.current(q))];
  }

  private async blocked(): Promise<SupervisionWarningView[]> {
    const blocks = await caseBlocks(this.nc, this.config.namespace);
    if (!blocks.length) return [];
    const items = await this.workflows.itemsOf(blocks.map((b) => b.caseNo));
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
    const rows = await this.warnings.current(q);
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
