import type { DataSourceOptions, MixedList } from 'typeorm';
import { QueryLogger } from './query-logger.js';

/**
 * Each service owns one schema, named after it. Migrations only: never `synchronize`.
 * The migrations table lives in the service's own schema, so services migrate independently.
 */
export function dataSourceOptions(
  databaseUrl: string,
  schema: string,
  migrations: MixedList<Function>,
  /** DB_POOL_SIZE (ServiceConfig.dbPoolSize) in a service. */
  poolSize = 10,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    schema,
    entities: [],
    migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    logger: new QueryLogger(),
    maxQueryExecutionTime: 2000,
    extra: { max: poolSize, application_name: schema },
  };
}
