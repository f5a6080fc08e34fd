import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';

/**
 * Each service owns one schema, named after it. Migrations only: never `synchronize`.
 * The migrations table lives in the service's own schema, so services migrate independently.
 */
export function dataSourceOptions(
  databaseUrl: string,
  schema: string,
  migrations: MixedList<Function>,
  poolSize = Number(process.env.DB_POOL_SIZE ?? 10),
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
    logging: ['error'],
    extra: { max: poolSize, application_name: schema },
  };
}

export function createDataSource(databaseUrl: string, schema: string, migrations: MixedList<Function>): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, schema, migrations));
}
