import type { Role } from '#libs/contracts';

/**
 * The access policy (issue #11, least privilege): every endpoint × role, ONE table. docs/ACCESS.md is this table
 * printed (access-policy.spec.ts fails when the two differ, or when a controller's @Public/@Roles disagree with
 * it); test/e2e/access-matrix.e2e.ts walks it over HTTP. A: allowed; S: scoped (the rule in `scope`, enforced by
 * CaseAccess or the owning service); -: denied (403). Public routes are open to everyone, logged in or not.
 */
export type Cell = 'A' | 'S' | '-';
export type PolicyRole = Role | 'public';
export const POLICY_ROLES: readonly PolicyRole[] = ['CLERK', 'CHIEF_REP', 'FINANCE', 'COURIER', 'SUPERVISOR', 'ADMIN', 'public'];

export interface PolicyRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the OpenAPI document. */
  path: string;
  /** One cell per POLICY_ROLES, in that order: 'CLERK CHIEF_REP FINANCE COURIER SUPERVISOR ADMIN public'. */
  cells: string;
  /** What "S" means here, and who enforces it. */
  scope?: string;
}

const P = '/api/v1';
const CASE_CLERK = "CLERK: the case was accepted at one of the user's centers";
const CASE_REP = 'CHIEF_REP: the case has a task of a department they act for (own, or an active delegation), or that department decided it';
const CASE_COURIER = 'COURIER: the case goes by COURIER delivery';

export const ACCESS_POLICY: readonly PolicyRow[] = [
  // sessions
  { method: 'POST', path: `${P}/auth/login`, cells: 'A A A A A A A' },
  { method: 'POST', path: `${P}/auth/refresh`, cells: 'A A A A A A A' },
  { method: 'POST', path: `${P}/auth/logout`, cells: 'A A A A A A -' },
  { method: 'POST', path: `${P}/auth/password`, cells: 'A A A A A A -' },
  // accounts
  { method: 'GET', path: `${P}/admin/users`, cells: '- - - - - A -' },
  { method: 'POST', path: `${P}/admin/users`, cells: '- - - - - A -' },
  { method: 'PATCH', path: `${P}/admin/users/{username}`, cells: '- - - - - A -' },
  { method: 'POST', path: `${P}/admin/users/{username}/reset-password`, cells: '- - - - - A -' },
  // catalog
  { method: 'GET', path: `${P}/catalog/items`, cells: 'A A A A A A -' },
  { method: 'POST', path: `${P}/catalog/items`, cells: '- - - - - A -' },
  { method: 'GET', path: `${P}/catalog/items/{code}`, cells: 'A A A A A A -' },
  { method: 'PUT', path: `${P}/catalog/items/{code}`, cells: '- - - - - A -' },
  { method: 'GET', path: `${P}/catalog/departments`, cells: 'A A A A A A -' },
  { method: 'GET', path: `${P}/catalog/centers`, cells: 'A A A A A A -' },
  // cases
  { method: 'POST', path: `${P}/cases`, cells: 'S S - - - - -', scope: "CLERK: centerCode is one of the user's centers (another center: 403; no center at all: intake's 422); CHIEF_REP: only with decideNow, an IMMEDIATE item of their department (intake)" },
  { method: 'GET', path: `${P}/cases`, cells: 'S S A - A - -', scope: `${CASE_CLERK}; ${CASE_REP}: other cases are left out of the page` },
  { method: 'GET', path: `${P}/cases/{caseNo}`, cells: 'S S A - A - -', scope: `${CASE_CLERK}; ${CASE_REP}; else 404. ID number and phone masked for every role` },
  { method: 'GET', path: `${P}/cases/{caseNo}/timeline`, cells: 'S S - - A - -', scope: `${CASE_CLERK}; ${CASE_REP}; else 404` },
  { method: 'POST', path: `${P}/cases/{caseNo}/supplements`, cells: 'S - - - - - -', scope: `${CASE_CLERK}; else 404` },
  { method: 'POST', path: `${P}/cases/{caseNo}/withdraw`, cells: 'S - - - - - -', scope: `${CASE_CLERK}; else 404` },
  { method: 'GET', path: `${P}/cases/{caseNo}/receipt`, cells: 'S - - - A - -', scope: `${CASE_CLERK}; else 404` },
  { method: 'GET', path: `${P}/notices/{noticeNo}`, cells: 'S - - - A - -', scope: "CLERK: the notice was issued at one of the user's centers; else 404" },
  { method: 'POST', path: `${P}/refusals`, cells: 'S - - - - - -', scope: "CLERK: centerCode is one of the user's centers (another center: 403; no center at all: intake's 422)" },
  { method: 'GET', path: `${P}/refusals/{refusalNo}`, cells: 'S - - - A - -', scope: "CLERK: the refusal was issued at one of the user's centers; else 404" },
  { method: 'GET', path: `${P}/supervision/pending-materials`, cells: '- - - - A - -' },
  // review tasks
  { method: 'GET', path: `${P}/tasks`, cells: '- S - - - - -', scope: 'CHIEF_REP: tasks of the departments they act for (approval)' },
  { method: 'POST', path: `${P}/tasks/{taskId}/decision`, cells: '- S - - - - -', scope: 'CHIEF_REP: a task of a department they act for (approval: 403 TASK.NOT_YOURS)' },
  { method: 'POST', path: `${P}/tasks/{taskId}/extension`, cells: '- S - - - - -', scope: 'CHIEF_REP: a task of a department they act for (approval)' },
  { method: 'POST', path: `${P}/tasks/bulk`, cells: '- S - - - - -', scope: 'CHIEF_REP: each task of a department they act for, else that task fails (approval)' },
  { method: 'POST', path: `${P}/tasks/{taskId}/assign`, cells: '- S - - - - -', scope: 'CHIEF_REP: a task of a department they act for, to a user of it (approval)' },
  // supervision
  { method: 'GET', path: `${P}/supervision/warnings`, cells: '- - - - A - -' },
  { method: 'GET', path: `${P}/supervision/stats`, cells: '- - - - A - -' },
  { method: 'GET', path: `${P}/supervision/ratings`, cells: '- - - - A - -' },
  { method: 'GET', path: `${P}/supervision/ratings/follow-ups`, cells: '- - - - A - -' },
  { method: 'POST', path: `${P}/supervision/ratings/follow-ups/{id}/close`, cells: '- - - - A - -' },
  { method: 'GET', path: `${P}/supervision/audit`, cells: '- - - - A - -' },
  { method: 'GET', path: `${P}/supervision/audit/verify`, cells: '- - - - A - -' },
  // delegations (AB岗) and the department audit
  { method: 'POST', path: `${P}/departments/{code}/delegations`, cells: '- S - - - A -', scope: 'CHIEF_REP: their own department only (403)' },
  { method: 'GET', path: `${P}/departments/{code}/delegations`, cells: '- S - - A A -', scope: 'CHIEF_REP: their own department only (403)' },
  { method: 'DELETE', path: `${P}/departments/{code}/delegations/{id}`, cells: '- S - - - A -', scope: 'CHIEF_REP: their own department only (403)' },
  { method: 'GET', path: `${P}/departments/{code}/audit`, cells: '- - - - A A -' },
  // joint site surveys and opinions (会商)
  { method: 'POST', path: `${P}/cases/{caseNo}/site-surveys`, cells: '- S - - - - -', scope: `${CASE_REP}; else 404; the lead department only (approval)` },
  { method: 'GET', path: `${P}/cases/{caseNo}/site-surveys`, cells: 'S S - - A - -', scope: `${CASE_CLERK}; ${CASE_REP}; else 404` },
  { method: 'POST', path: `${P}/site-surveys/{surveyId}/findings`, cells: '- S - - - - -', scope: 'CHIEF_REP: a participating department they act for (approval)' },
  { method: 'POST', path: `${P}/cases/{caseNo}/opinions`, cells: '- S - - - - -', scope: `${CASE_REP}; else 404` },
  // fees
  { method: 'GET', path: `${P}/payment-notices`, cells: '- - A - A - -' },
  { method: 'GET', path: `${P}/payment-notices/{noticeNo}`, cells: 'S - A - A - -', scope: `${CASE_CLERK} (the notice's case); else 404` },
  { method: 'GET', path: `${P}/payment-notices/{noticeNo}/print`, cells: 'S - A - A - -', scope: `${CASE_CLERK} (the notice's case); else 404` },
  { method: 'POST', path: `${P}/payment-notices/{noticeNo}/reissue`, cells: '- - A - - - -' },
  { method: 'POST', path: `${P}/payment-notices/{noticeNo}/refunds`, cells: '- - A - - - -' },
  { method: 'POST', path: `${P}/payment-notices/{noticeNo}/payments`, cells: '- - A - - - -' },
  { method: 'POST', path: `${P}/payments/callback`, cells: 'A A A A A A A', scope: "no login; the payment channel's HMAC signature instead" },
  { method: 'GET', path: `${P}/reconciliation/daily`, cells: '- - A - A - -' },
  { method: 'GET', path: `${P}/reconciliation/daily.csv`, cells: '- - A - A - -' },
  { method: 'GET', path: `${P}/cases/{caseNo}/payment-notice`, cells: 'S S A - A - -', scope: `${CASE_CLERK}; ${CASE_REP}; else 404` },
  // deliveries (出件)
  { method: 'GET', path: `${P}/deliveries`, cells: 'S - - S A - -', scope: "COURIER: COURIER deliveries only (method=WINDOW: 403), recipient, masked phone and address; CLERK: WINDOW deliveries of their centers and COURIER ones of their centers' cases; phones masked" },
  { method: 'POST', path: `${P}/deliveries/{deliveryId}/dispatch`, cells: '- - - S - - -', scope: 'COURIER: a COURIER delivery (else 404)' },
  { method: 'POST', path: `${P}/deliveries/{deliveryId}/tracking`, cells: '- - - S - - -', scope: 'COURIER: a COURIER delivery (else 404)' },
  { method: 'POST', path: `${P}/deliveries/{deliveryId}/delivered`, cells: '- - - S - - -', scope: 'COURIER: a COURIER delivery (else 404)' },
  { method: 'POST', path: `${P}/dispatch-batches`, cells: '- - - S - - -', scope: 'COURIER: COURIER deliveries only (delivery: 422)' },
  { method: 'GET', path: `${P}/dispatch-batches/{batchId}/print`, cells: '- - - A A - -' },
  { method: 'POST', path: `${P}/deliveries/{deliveryId}/unlock-pickup`, cells: '- - - - A - -' },
  { method: 'POST', path: `${P}/deliveries/{deliveryId}/pickup`, cells: 'A - - - - - -', scope: "any window: the pickup code and the applicant's (or proxy's) ID are the check (delivery)" },
  // certificates and decision letters (#10)
  { method: 'GET', path: `${P}/certificates/public-key`, cells: 'A A A A A A A' },
  { method: 'GET', path: `${P}/certificates/{certificateNo}/print`, cells: 'S - - S A A -', scope: `${CASE_CLERK}; ${CASE_COURIER}; else 404` },
  { method: 'POST', path: `${P}/certificates/{certificateNo}/revoke`, cells: '- - - - - A -' },
  { method: 'GET', path: `${P}/cases/{caseNo}/decision-letter`, cells: 'S - - S A - -', scope: `${CASE_CLERK}; ${CASE_COURIER}; else 404` },
  // the public (applicants)
  { method: 'GET', path: `${P}/public/cases/{caseNo}`, cells: 'A A A A A A A', scope: "no login; the applicant's ID tail" },
  { method: 'POST', path: `${P}/public/cases/{caseNo}/rating`, cells: 'A A A A A A A', scope: "no login; the applicant's ID tail" },
  { method: 'GET', path: `${P}/public/certificates/{certificateNo}/verify`, cells: 'A A A A A A A' },
  { method: 'GET', path: '/health', cells: 'A A A A A A A' },
];

export const cellsOf = (row: PolicyRow): Record<PolicyRole, Cell> =>
  Object.fromEntries(row.cells.split(' ').map((c, i) => [POLICY_ROLES[i], c as Cell])) as Record<PolicyRole, Cell>;

/** The roles let in by the route (A or S), and whether it is public. */
export function rolesOf(row: PolicyRow): { isPublic: boolean; roles: Role[] } {
  const cells = cellsOf(row);
  return { isPublic: cells.public !== '-', roles: POLICY_ROLES.filter((r): r is Role => r !== 'public' && cells[r] !== '-') };
}

/** docs/ACCESS.md's table, printed from ACCESS_POLICY. */
export function renderPolicyTable(): string {
  const head = `| Endpoint | ${POLICY_ROLES.join(' | ')} | Scope (S) |`;
  const rule = `| --- | ${POLICY_ROLES.map(() => ':-:').join(' | ')} | --- |`;
  const show: Record<Cell, string> = { A: '✓', S: 'S', '-': '–' };
  const rows = ACCESS_POLICY.map((r) => {
    const cells = cellsOf(r);
    return `| \`${r.method} ${r.path}\` | ${POLICY_ROLES.map((p) => show[cells[p]]).join(' | ')} | ${r.scope ?? ''} |`;
  });
  return [head, rule, ...rows].join('\n');
}
