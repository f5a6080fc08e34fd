import type { EntityManager } from 'typeorm';
import type { Actor } from '#libs/contracts';
import { queryRows } from '#libs/persistence';

/**
 * Who may act for a department, and in whose name: a chief representative of the department acts as themself;
 * a backup (AB岗) with an active delegation acts for the department with `onBehalfOf` = the primary it stands in
 * for. Everyone else: null. The gateway passes the verified actor; this is the only place that widens it.
 */
export async function actingFor(m: EntityManager, actor: Actor | undefined, department: string, now = new Date()): Promise<Actor | null> {
  // The everyday case, with no query: the department's own representative.
  if (actor?.role === 'CHIEF_REP' && actor.department === department) return { id: actor.id, role: actor.role, department };
  return (await departmentsActedFor(m, actor, now)).get(department) ?? null;
}

/**
 * Every department the actor may act for now, with the actor they act as: their own first, then those they are an
 * active backup for (the latest delegation wins when two overlap). Mirrors isDelegationActive.
 */
export async function departmentsActedFor(m: EntityManager, actor: Actor | undefined, now = new Date()): Promise<Map<string, Actor>> {
  const result = new Map<string, Actor>();
  if (!actor?.id || actor.role !== 'CHIEF_REP') return result;
  if (actor.department) result.set(actor.department, { id: actor.id, role: actor.role, department: actor.department });
  const rows = await queryRows<{ department: string; primary_user: string }>(
    m,
    `SELECT DISTINCT ON (department) department, primary_user
       FROM approval.delegations
      WHERE backup_user = $1 AND revoked_at IS NULL AND valid_from <= $2 AND valid_to >= $2
      ORDER BY department, valid_from DESC, created_at DESC`,
    [actor.id, now],
  );
  for (const r of rows) {
    if (!result.has(r.department)) result.set(r.department, { id: actor.id, role: actor.role, department: r.department, onBehalfOf: r.primary_user });
  }
  return result;
}

