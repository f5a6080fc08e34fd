import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { CaseStatus } from '#libs/contracts';
import { cachedReading, scrapeGauge } from '#libs/observability';
import { SERVICE_CONFIG } from '#libs/platform';
import { WorkflowRepository } from './workflow.repository.js';

/** `ow_cases_by_status{status}` on routing's /metrics: a grouped count at scrape time, cached 30 s; every status listed, 0 included. */
@Injectable()
export class CaseStatusGauge implements OnModuleInit, OnApplicationShutdown {
  private remove?: () => void;

  constructor(
    private readonly workflows: WorkflowRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    const service = this.config.service;
    const reading = cachedReading(
      'cases_by_status',
      async () => {
        const counts = new Map<string, number>(Object.values(CaseStatus).map((s) => [s, 0]));
        for (const r of await this.workflows.countByStatus()) counts.set(r.status, r.n);
        return [...counts].map(([status, value]) => ({ labels: { service, status }, value }));
      },
      30_000,
    );
    this.remove = scrapeGauge('ow_cases_by_status', "Cases by status (routing's workflows)", ['service', 'status'], reading);
  }

  onApplicationShutdown(): void {
    this.remove?.();
  }
}
