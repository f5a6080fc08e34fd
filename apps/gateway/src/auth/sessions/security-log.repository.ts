import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface SecurityEntry {
  actor: string | null;
  action: 'LOGIN' | 'REFRESH' | 'LOGOUT' | 'PASSWORD_CHANGE' | 'USER_CREATE' | 'USER_UPDATE' | 'PASSWORD_RESET';
  target: string | null;
  ip: string | null;
  outcome: string;
  detail?: Record<string, unknown>;
}

/** gateway.security_log: every login attempt (user, IP, outcome) and every account change. Append only. */
@Injectable()
export class SecurityLogRepository {
  constructor(private readonly ds: DataSource) {}

  async append(e: SecurityEntry, m: EntityManager = this.ds.manager): Promise<void> {
    await m.query(`INSERT INTO gateway.security_log (actor, action, target, ip, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`, [
      e.actor,
      e.action,
      e.target,
      e.ip,
      e.outcome,
      e.detail ? JSON.stringify(e.detail) : null,
    ]);
  }
}
