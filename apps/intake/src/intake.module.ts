import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { HealthController, HealthService, MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { AcceptCase } from './accept-case/accept-case.js';
import { AcceptCaseHandler } from './accept-case/accept-case.handler.js';
import { CatalogQueries } from './catalog/catalog-queries.js';
import { CatalogHandler } from './catalog/catalog.handler.js';
import { GetCase } from './get-case/get-case.js';
import { GetCaseHandler } from './get-case/get-case.handler.js';
import { migrations } from './migrations/index.js';
import { SeedCatalog } from './seed/seed-catalog.js';

@Module({})
export class IntakeModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'intake', migrations)), MessagingModule.forService(config)],
      controllers: [HealthController, CatalogHandler, AcceptCaseHandler, GetCaseHandler],
      providers: [HealthService, CatalogQueries, AcceptCase, GetCase, SeedCatalog],
    };
  }
}
