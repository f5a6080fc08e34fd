import { Controller, Get, Inject, Injectable, Res } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import type { DependencyStatus, HealthReport } from '#libs/contracts';
import { counters, NATS_CONNECTION, OutboxRepository } from '#libs/messaging';
import { pingDatabase } from '#libs/persistence';
import { SERVICE_CONFIG } from './service-config.token.js';

// The report is a contract (the gateway reads it over rpc.<service>.health); re-exported for the gateway's verdict.
export type { DependencyStatus, HealthReport } from '#libs/contracts';

async function timed(check: () => Promise<unknown>, timeoutMs = 1000): Promise<DependencyStatus> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs)))]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (e) {
    return { status: 'down', error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** Up only when every dependency is: the verdict of /health and of /health/ready. */
export function verdictOf(dependencies: Record<string, DependencyStatus>): 'up' | 'down' {
  return Object.values(dependencies).every((d) => d.status === 'up') ? 'up' : 'down';
}

/** GET /health/live: the process answers. Nothing else is checked, so a sick database never gets it restarted. */
export interface Liveness {
  service: string;
  status: 'up';
  uptimeSeconds: number;
}

/** GET /health/ready: whether this process can do its work now (its PostgreSQL and NATS), 503 when not. */
export interface Readiness {
  service: string;
  status: 'up' | 'down';
  dependencies: { postgres: DependencyStatus; nats: DependencyStatus };
}

/** Health of this process's own dependencies, each checked with a timeout. */
@Injectable()
export class HealthService {
  constructor(
    private readonly ds: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  live(): Liveness {
    return { service: this.config.service, status: 'up', uptimeSeconds: Math.round(process.uptime()) };
  }

  /** PostgreSQL and NATS, each checked with a timeout (`timeoutMs`), at once; nothing else (no other service). */
  async ready(timeoutMs = 1000): Promise<Readiness> {
    const [postgres, nats] = await Promise.all([timed(() => pingDatabase(this.ds), timeoutMs), timed(() => this.nc.flush(), timeoutMs)]);
    const dependencies = { postgres, nats };
    return { service: this.config.service, status: verdictOf(dependencies), dependencies };
  }

  async check(): Promise<HealthReport> {
    const { dependencies } = await this.ready();
    const { postgres } = dependencies;
    let outboxBacklog: number | undefined;
    if (postgres.status === 'up' && this.config.service !== 'gateway') {
      outboxBacklog = await new OutboxRepository(this.config.service).backlog(this.ds.manager).catch(() => undefined);
    }
    return { service: this.config.service, status: verdictOf(dependencies), dependencies, outboxBacklog, messaging: { ...counters } };
  }
}

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  async get(@Res({ passthrough: true }) res: { status(code: number): void }): Promise<HealthReport> {
    const report = await this.health.check();
    if (report.status !== 'up') res.status(503);
    return report;
  }
}
