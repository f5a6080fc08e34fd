import { Injectable } from '@nestjs/common';
import { fromShanghai, toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, Rpc, type AuditChainReport, type AuditPosition, type CaseEventAuditRow, type Problem } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { decodeCursor, encodeCursor, walkChain } from '#libs/persistence';
import { AuditRepository, type StoredRequestEntry } from './audit.repository.js';

export interface AuditFilters {
  caseNo?: string;
  user?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** One entry of either chain, as a supervisor reads it. */
export interface AuditEntryView {
  /** `G-<n>`: the n-th request of the gateway's chain; `R-<n>`: the n-th case event of routing's. */
  id: string;
  chain: 'requests' | 'case-events';
  at: string;
  actor: { id: string | null; role: string | null; onBehalfOf?: string; department?: string };
  /** A request's method and route template, or a case event's type. */
  action: string;
  caseNo: string | null;
  /** Requests: the path parameters. */
  params?: Record<string, string>;
  /** Requests: where from. */
  center?: string | null;
  ip?: string | null;
  /** Requests: the HTTP status and, for a refused one, its code. */
  outcome?: { status: number; code: string | null };
  /** Requests: whitelisted non-personal body fields; case events: the timeline's summary of the event as recorded. */
  data: Record<string, unknown>;
  correlationId?: string | null;
}

export interface AuditPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}

export interface AuditVerification {
  from: string | null;
  to: string | null;
  checkedAt: string;
  ok: boolean;
  chains: AuditChainReport[];
}

const ENTRY_ID = /^[GR]-\d{1,18}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;
const DAY_MS = 86_400_000;
const EARLIEST = Date.parse('0001-01-02T00:00:00Z');
const LATEST = Date.parse('9999-12-30T00:00:00Z');

/** A period's bound as an instant: a date is a whole Asia/Shanghai day (from its start, to its end); a time without offset is Shanghai time. */
export function periodBound(value: string | undefined, end: 'from' | 'to'): string | undefined {
  if (value === undefined) return undefined;
  let t: number;
  if (DATE_ONLY.test(value)) {
    const start = fromShanghai(value).getTime();
    t = end === 'from' ? start : start + DAY_MS - 1;
  } else {
    const v = value.replace(' ', 'T');
    t = new Date(HAS_OFFSET.test(v) ? v : `${v}+08:00`).getTime();
  }
  // An offset can carry 0001-01-01 into year 0 or 9999-12-31 into year 10000, which PostgreSQL cannot hold: the
  // record has nothing that early or that late anyway.
  return new Date(Math.min(Math.max(t, EARLIEST), LATEST)).toISOString();
}

const requestView = (e: StoredRequestEntry): AuditEntryView => ({
  id: `G-${e.seq}`,
  chain: 'requests',
  at: toShanghai(e.at)!,
  actor: { id: e.user, role: e.role, ...(e.onBehalfOf ? { onBehalfOf: e.onBehalfOf } : {}), ...(e.department ? { department: e.department } : {}) },
  action: `${e.method} ${e.route}`,
  caseNo: e.caseNo,
  params: e.params,
  center: e.center,
  ip: e.ip,
  outcome: { status: e.status, code: e.code },
  data: e.data,
  correlationId: e.correlationId,
});

const eventView = (r: CaseEventAuditRow): AuditEntryView => ({
  id: `R-${r.seq}`,
  chain: 'case-events',
  at: toShanghai(r.at)!,
  actor: {
    id: r.actor?.id ?? null,
    role: r.actor?.role ?? null,
    ...(r.actor?.onBehalfOf ? { onBehalfOf: r.actor.onBehalfOf } : {}),
    ...(r.actor?.department ? { department: r.actor.department } : {}),
  },
  action: r.type,
  caseNo: r.caseNo,
  data: r.data,
});

interface Merged {
  at: string;
  tag: 'G' | 'R';
  seq: string;
  view: AuditEntryView;
}

/** Newest first: by time, then chain tag, then number (descending), the order both chains' queries page in. */
function newerFirst(a: Merged, b: Merged): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.tag !== b.tag) return a.tag < b.tag ? 1 : -1;
  return BigInt(a.seq) < BigInt(b.seq) ? 1 : -1;
}

/**
 * The audit record read by supervisors: the gateway's chain of requests and routing's chain of case events, listed
 * together newest first (one cursor over both), and each chain verified over a period.
 */
@Injectable()
export class AuditRecord {
  constructor(
    private readonly audit: AuditRepository,
    private readonly rpc: RpcClient,
  ) {}

  async list(q: AuditFilters, correlationId: string): Promise<AuditPage> {
    const problems: Problem[] = [];
    let before: AuditPosition | undefined;
    if (q.cursor !== undefined) {
      const key = decodeCursor(q.cursor, ENTRY_ID);
      if (key) before = { at: key.at, tag: key.id[0] as 'G' | 'R', seq: key.id.slice(2) };
      else problems.push({ field: 'cursor', rule: 'isCursor', message: 'cursor must be a nextCursor from an earlier page.' });
    }
    const from = periodBound(q.from, 'from');
    const to = periodBound(q.to, 'to');
    if (from && to && from > to) problems.push({ field: 'to', rule: 'notBeforeFrom', message: 'to must not be before from' });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    const limit = q.limit ?? 50;
    const filter = { caseNo: q.caseNo, user: q.user, from, to, before, limit: limit + 1 };
    const [requests, events] = await Promise.all([
      this.audit.list(filter),
      this.rpc.request(Rpc.routing.auditList, filter, { correlationId }),
    ]);
    const merged: Merged[] = [
      ...requests.map((e) => ({ at: e.cursorAt, tag: 'G' as const, seq: e.seq, view: requestView(e) })),
      ...events.map((r) => ({ at: r.at, tag: 'R' as const, seq: r.seq, view: eventView(r) })),
    ].sort(newerFirst);
    const page = merged.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((m) => m.view),
      nextCursor: merged.length > limit && last ? encodeCursor({ at: last.at, id: `${last.tag}-${last.seq}` }) : null,
    };
  }

  async verify(q: { from?: string; to?: string }, correlationId: string): Promise<AuditVerification> {
    const from = periodBound(q.from, 'from');
    const to = periodBound(q.to, 'to');
    if (from && to && from > to) throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'to', rule: 'notBeforeFrom', message: 'to must not be before from' }]);
    const [requests, events] = await Promise.all([
      walkChain(this.audit, from, to),
      this.rpc.request(Rpc.routing.auditVerify, { from, to }, { correlationId }),
    ]);
    const mine: AuditChainReport = {
      chain: 'requests',
      entriesChecked: requests.checked,
      ok: !requests.broken,
      firstBrokenEntry: requests.broken
        ? { id: `G-${requests.broken.id}`, at: requests.broken.at ? toShanghai(requests.broken.at) : null, reason: requests.broken.reason }
        : null,
    };
    return { from: toShanghai(from), to: toShanghai(to), checkedAt: toShanghai(new Date())!, ok: mine.ok && events.ok, chains: [mine, events] };
  }
}
