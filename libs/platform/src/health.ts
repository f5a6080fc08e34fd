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
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs))]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (e) {
    return { status: 'down', error: (e as Error).message };
  }
}

/** Health of this process's own dependencies, each checked with a timeout. */
@Injectable()
export class HealthService {
  constructor(
    private readonly ds: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const [postgres, nats] = await Promise.all([timed(() => pingDatabase(this.ds)), timed(() => this.nc.flush())]);
    let outboxBacklog: number | undefined;
    if (postgres.status === 'up' && this.config.service !== 'gateway') {
      outboxBacklog = await new OutboxRepository(this.config.service).backlog(this.ds.manager).catch(() => undefined);
    }
    const up = postgres.status === 'up' && nats.status === 'up';
    return { service: this.config.service, status: up ? 'up' : 'down', dependencies: { postgres, nats }, outboxBacklog, messaging: { ...counters } };
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
