import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { SERVICE_CONFIG } from '#libs/platform';
import { PayeeRepository } from '../payee/payee.repository.js';
import { SAMPLE_CENTER_VALIDITY, SAMPLE_PAYEES } from './sample-payees.js';

/** Demo seeding (SEED_DEMO=true): the sample departments' payee accounts and center settings; re-running changes nothing. */
@Injectable()
export class SeedPayees implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedPayees.name);

  constructor(
    private readonly ds: DataSource,
    private readonly payees: PayeeRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    await this.ds.transaction(async (m) => {
      for (const p of SAMPLE_PAYEES) await this.payees.seed(m, p);
      for (const [center, days] of SAMPLE_CENTER_VALIDITY) await this.payees.seedCenter(m, center, days);
    });
    this.logger.log(`demo payee accounts present: ${SAMPLE_PAYEES.length} departments`);
  }
}
