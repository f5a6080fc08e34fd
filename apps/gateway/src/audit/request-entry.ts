import { canonicalJson } from '#libs/persistence';

/** One state-changing request as the audit record keeps it (issue #11): never a body, but a few non-personal fields. */
export interface RequestEntry {
  /** UTC, to the millisecond: `2026-11-30T07:59:59.123Z` (shown in Asia/Shanghai). */
  at: string;
  /** Who: the verified user, the role the request was let in with, whom they acted for (null: not authenticated). */
  user: string | null;
  role: string | null;
  onBehalfOf: string | null;
  department: string | null;
  /** What: the method and the route template (`POST /tasks/{taskId}/decision`). */
  method: string;
  route: string;
  /** Which object: the path parameters, and the case when known (a path's caseNo, or the case the answer names). */
  params: Record<string, string>;
  caseNo: string | null;
  /** From where: the center when known, the client's IP (as Express sees it: `trust proxy` set, the forwarded one). */
  center: string | null;
  ip: string | null;
  /** The outcome: HTTP status and the error code of a refused request. */
  status: number;
  code: string | null;
  /** Whitelisted body fields with code-like values (decision, item, method, channel), and `replayed` for an idempotent replay. */
  data: Record<string, string | boolean>;
  correlationId: string | null;
}

/** The canonical text hashed into the chain, the same when written and when read back. */
export function requestEntryContent(e: RequestEntry): string {
  return canonicalJson({
    v: 1,
    at: e.at,
    user: e.user,
    role: e.role,
    onBehalfOf: e.onBehalfOf,
    department: e.department,
    method: e.method,
    route: e.route,
    params: e.params,
    caseNo: e.caseNo,
    center: e.center,
    ip: e.ip,
    status: e.status,
    code: e.code,
    data: e.data,
    correlationId: e.correlationId,
  });
}
