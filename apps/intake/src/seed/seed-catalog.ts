import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { SERVICE_CONFIG } from '#libs/messaging';
import { SAMPLE_CATALOG } from './sample-catalog.js';

/** Demo seeding (SEED_DEMO=true): departments, centers and version 1 of every sample item; re-running changes nothing. */
@Injectable()
export class SeedCatalog implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedCatalog.name);

  constructor(
    private readonly ds: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    await this.ds.transaction(async (m) => {
      for (const d of SAMPLE_CATALOG.departments) {
        await m.query(`INSERT INTO intake.departments (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [d.code, d.name]);
      }
      for (const c of SAMPLE_CATALOG.centers) {
        await m.query(`INSERT INTO intake.centers (code, name, level, region) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
          c.code,
          c.name,
          c.level,
          c.region,
        ]);
      }
      for (const item of SAMPLE_CATALOG.items) {
        await m.query(
          `INSERT INTO intake.service_items (code, version, name, definition) VALUES ($1, 1, $2, $3::jsonb) ON CONFLICT DO NOTHING`,
          [item.code, item.name, JSON.stringify(item)],
        );
      }
    });
    this.logger.log(`demo catalog present: ${SAMPLE_CATALOG.items.length} items, ${SAMPLE_CATALOG.departments.length} departments`);
  }
}
