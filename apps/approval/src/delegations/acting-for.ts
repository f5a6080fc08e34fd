import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '#libs/contracts';
import { DelegationRepository } from './delegation.repository.js';

/**
 * Who may act for a department, and in whose name: a chief representative of the department acts as themself;
 * a backup (AB岗) with an active delegation acts for the department with `onBehalfOf` = the primary it stands in
 * for. Everyone else: null. The gateway passes the verified actor; this is the only place that widens it.
 */
@Injectable()
export class ActingFor {
  constructor(private readonly delegations: DelegationRepository) {}

  async department(m: EntityManager, actor: Actor | undefined, department: string, now = new Date()): Promise<Actor | null> {
    // The everyday case, with no query: the department's own representative.
    if (actor?.role === 'CHIEF_REP' && actor.department === department) return { id: actor.id, role: actor.role, department };
    return (await this.departments(m, actor, now)).get(department) ?? null;
  }

  /**
   * Every department the actor may act for now, with the actor they act as: their own first, then those they are an
   * active backup for (the latest delegation wins when two overlap).
   */
  async departments(m: EntityManager, actor: Actor | undefined, now = new Date()): Promise<Map<string, Actor>> {
    const result = new Map<string, Actor>();
    if (!actor?.id || actor.role !== 'CHIEF_REP') return result;
    if (actor.department) result.set(actor.department, { id: actor.id, role: actor.role, department: actor.department });
    for (const r of await this.delegations.activeFor(m, actor.id, now)) {
      if (!result.has(r.department)) result.set(r.department, { id: actor.id, role: actor.role, department: r.department, onBehalfOf: r.primary_user });
    }
    return result;
  }
}
