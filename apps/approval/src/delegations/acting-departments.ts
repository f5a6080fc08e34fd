import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ActingDepartmentsReply, Actor } from '#libs/contracts';
import { ActingFor } from './acting-for.js';

/** The departments a chief representative may act for now (their own, then active delegations): the gateway's case scope. */
@Injectable()
export class ActingDepartments {
  constructor(
    private readonly ds: DataSource,
    private readonly actingFor: ActingFor,
  ) {}

  async execute(query: unknown): Promise<ActingDepartmentsReply> {
    const actor = (query as { actor?: Actor } | null)?.actor;
    if (!actor || typeof actor.id !== 'string') return { departments: [] };
    return { departments: [...(await this.actingFor.departments(this.ds.manager, actor)).keys()] };
  }
}
