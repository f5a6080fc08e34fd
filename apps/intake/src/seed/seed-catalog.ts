import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { SERVICE_CONFIG } from '#libs/platform';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { CenterRepository } from '../catalog/center.repository.js';
import { SAMPLE_CATALOG } from './sample-catalog.js';

/** Demo seeding (SEED_DEMO=true): departments, centers and version 1 of every sample item; re-running changes nothing. */
@Injectable()
export class SeedCatalog implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedCatalog.name);

  constructor(
    private readonly ds: DataSource,
    private readonly catalog: CatalogRepository,
    private readonly centers: CenterRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    await this.ds.transaction(async (m) => {
      for (const d of SAMPLE_CATALOG.departments) await this.catalog.seedDepartment(m, d);
      for (const c of SAMPLE_CATALOG.centers) await this.centers.seed(m, c);
      for (const item of SAMPLE_CATALOG.items) await this.catalog.seedItem(m, item);
    });
    this.logger.log(`demo catalog present: ${SAMPLE_CATALOG.items.length} items, ${SAMPLE_CATALOG.departments.length} departments`);
  }
}
