import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import {
  AppError,
  ErrorCodes,
  isInstant,
  type AuditChainReport,
  type AuditVerifyQuery,
  type CaseEventAuditQuery,
  type CaseEventAuditRow,
  type Problem,
} from '#libs/contracts';
import { walkChain } from '#libs/persistence';
import { CaseAuditRepository } from './case-audit.repository.js';

const MAX_LIMIT = 201;

/** The gateway checked the query; a request from anywhere else is held to the same shape before it reaches SQL. */
function checkPeriod(q: { from?: unknown; to?: unknown }, problems: Problem[]): void {
  for (const f of ['from', 'to'] as const) {
    const v = q[f];
    if (v !== undefined && v !== null && !isInstant(v)) problems.push({ field: f, rule: 'isIso8601', message: `${f} must be a valid ISO 8601 date string` });
  }
}

/** rpc.routing.audit.list: the case events' audit entries, newest first, for the gateway's merged audit page. */
@Injectable()
export class ListCaseAudit {
  constructor(private readonly audit: CaseAuditRepository) {}

  execute(query: unknown): Promise<CaseEventAuditRow[]> {
    const q = (query ?? {}) as CaseEventAuditQuery;
    const problems: Problem[] = [];
    checkPeriod(q, problems);
    for (const f of ['caseNo', 'user'] as const) {
      const v = q[f];
      if (v !== undefined && v !== null && (typeof v !== 'string' || v.length > 64)) problems.push({ field: f, rule: 'isString', message: `${f} must be text` });
    }
    if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_LIMIT) problems.push({ field: 'limit', rule: 'isInt', message: `limit must be 1 to ${MAX_LIMIT}` });
    const b = q.before;
    if (b !== undefined && b !== null && (!isInstant(b.at) || (b.tag !== 'G' && b.tag !== 'R') || !/^\d{1,18}$/.test(String(b.seq)))) {
      problems.push({ field: 'before', rule: 'position', message: 'before must be a position in the audit record' });
    }
    if (problems.length) return Promise.reject(AppError.invalid(ErrorCodes.VALIDATION, problems));
    return this.audit.list(q);
  }
}

/** rpc.routing.audit.verify: recomputes the case events' chain over a period. */
@Injectable()
export class VerifyCaseAudit {
  constructor(private readonly audit: CaseAuditRepository) {}

  async execute(query: unknown): Promise<AuditChainReport> {
    const q = (query ?? {}) as AuditVerifyQuery;
    const problems: Problem[] = [];
    checkPeriod(q, problems);
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    const { checked, broken } = await walkChain(this.audit, q.from ?? undefined, q.to ?? undefined);
    return {
      chain: 'case-events',
      entriesChecked: checked,
      ok: !broken,
      firstBrokenEntry: broken ? { id: `R-${broken.id}`, at: broken.at ? toShanghai(broken.at) : null, reason: broken.reason } : null,
    };
  }
}
