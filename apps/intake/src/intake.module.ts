import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { HealthController, HealthService, MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { migrations } from './migrations/index.js';

@Module({})
export class IntakeModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'intake', migrations)), MessagingModule.forService(config)],
      controllers: [HealthController],
      providers: [HealthService],
    };
  }
}
