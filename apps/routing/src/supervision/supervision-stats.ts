import { Injectable } from '@nestjs/common';
import { fromShanghai, shanghaiDate, toShanghai, WorkingCalendar, type Interval } from '#libs/calendar';
import { AppError, ErrorCodes, type Problem, type SupervisionStatsView } from '#libs/contracts';
import { ClockRepository, type StatsClockRow as ClockRow } from '../clock/clock.repository.js';
import { SuspensionRepository } from '../supplement/suspension.repository.js';
import { clockFigures, type ClockFact } from './stats-figures.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const MAX_SPAN_DAYS = 366;

function validDate(s: string): boolean {
  return DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

/** from/to are Asia/Shanghai dates, both inclusive; by default the 30 days up to today. */
export function parseStatsQuery(query: unknown, now: Date): { from: string; to: string } {
  const q = (query ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const f of ['from', 'to'] as const) {
    const v = q[f];
    if (v !== undefined && v !== null && (typeof v !== 'string' || !validDate(v))) {
      problems.push({ field: f, rule: 'isDate', message: `${f} must be a date, YYYY-MM-DD.` });
    }
  }
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  const to = (q.to as string | undefined) ?? shanghaiDate(now);
  const from = (q.from as string | undefined) ?? shanghaiDate(new Date(fromShanghai(to).getTime() - 29 * DAY_MS));
  if (from > to) problems.push({ field: 'from', rule: 'notAfterTo', message: 'from must not be after to.' });
  else if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_SPAN_DAYS) {
    problems.push({ field: 'to', rule: 'maxSpan', message: `The period may cover at most ${MAX_SPAN_DAYS} days.` });
  }
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return { from, to };
}

/**
 * Per department (its tasks) and per item (its cases): accepted, completed, on time, overdue, average and p90
 * working time, open now. Read from routing's clocks; the working time leaves the case's suspensions out (see
 * clockFigures for each figure's exact meaning).
 */
@Injectable()
export class SupervisionStats {
  private readonly cal = WorkingCalendar.official();

  constructor(
    private readonly clocks: ClockRepository,
    private readonly suspensions: SuspensionRepository,
  ) {}

  async execute(query: unknown): Promise<SupervisionStatsView> {
    const now = new Date();
    const { from, to } = parseStatsQuery(query, now);
    const window = { from: fromShanghai(from), to: new Date(fromShanghai(to).getTime() + DAY_MS) };
    const tasks = await this.clocks.taskClocksOf(window);
    const cases = await this.clocks.caseClocksOf(window);
    const caseNos = [...new Set([...tasks, ...cases].map((r) => r.case_no))];
    const stops = caseNos.length ? await this.suspensions.stopsOfCases(caseNos) : new Map<string, Interval[]>();
    const stopsOf = (caseNo: string) => stops.get(caseNo) ?? [];
    const figures = (rows: ClockRow[], completed: string[]) =>
      group(rows).map(([key, group]) => ({
        key,
        name: group[0].item_name,
        figures: clockFigures(this.cal, group.map((r) => fact(r, completed)), window, now, stopsOf),
      }));
    return {
      from,
      to,
      generatedAt: toShanghai(now)!,
      departments: figures(tasks, ['APPROVE', 'REJECT']).map((g) => ({ department: g.key, ...g.figures })),
      items: figures(cases, ['APPROVED', 'REJECTED']).map((g) => ({ itemCode: g.key, itemName: g.name, ...g.figures })),
    };
  }
}

function fact(r: ClockRow, completed: string[]): ClockFact {
  return {
    caseNo: r.case_no,
    startedAt: r.started_at,
    dueAt: r.due_at,
    status: r.status,
    closedAt: r.closed_at,
    completed: r.status === 'CLOSED' && r.closed_at !== null && completed.includes(r.outcome ?? ''),
  };
}

function group(rows: ClockRow[]): [string, ClockRow[]][] {
  const groups = new Map<string, ClockRow[]>();
  for (const r of rows) groups.set(r.group_key, [...(groups.get(r.group_key) ?? []), r]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
