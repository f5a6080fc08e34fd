import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { AppLogger } from '#libs/logging';
import { runMigrations } from '#libs/persistence';
import { NATS_CONNECTION } from './messaging.module.js';
import { NatsServer } from './nats-server.js';
import { PassThroughRpcFilter } from './rpc-exception.filter.js';
import { UnitOfWork } from './unit-of-work.js';

/**
 * Starts a back-end service: migrate (when configured), serve its handlers over NATS, and answer /health over HTTP.
 * Consumers start after migrations and seeding, so no event is handled against a half-made schema.
 */
export async function bootstrapService(module: unknown, config: ServiceConfig): Promise<void> {
  const logger = new Logger('bootstrap');
  const app = await NestFactory.create(module as never, { logger: new AppLogger(config.service, config.logLevel) });
  app.enableShutdownHooks();
  if (config.migrationsRun) {
    const applied = await runMigrations(app.get(DataSource), config.service);
    if (applied.length) logger.log(`${config.service}: applied migrations ${applied.join(', ')}`);
  }
  if (process.env.MIGRATE_ONLY === 'true') {
    await app.close();
    return;
  }
  app.useGlobalFilters(new PassThroughRpcFilter());
  app.connectMicroservice(
    {
      strategy: new NatsServer({
        service: config.service,
        namespace: config.namespace,
        nc: app.get<NatsConnection>(NATS_CONNECTION),
        uow: app.get(UnitOfWork),
      }),
    },
    { inheritAppConfig: true },
  );
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.port, process.env.BIND_HOST ?? '127.0.0.1');
  logger.log(`${config.service} is up: NATS ${config.natsUrl} (namespace ${config.namespace}), health on :${config.port}/health`);
}
