import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { AppLogger } from '#libs/logging';
import { NATS_CONNECTION, NatsServer, PassThroughRpcFilter, UnitOfWork } from '#libs/messaging';
import { runMigrations } from '#libs/persistence';
import { exitForInfrastructure, installProcessGuards } from './process-guards.js';

/**
 * Starts a back-end service: migrate (when configured), serve its handlers over NATS, and answer /health over HTTP.
 * Consumers start after migrations and seeding, so no event is handled against a half-made schema.
 */
export async function bootstrapService(module: unknown, config: ServiceConfig): Promise<void> {
  installProcessGuards(config.service);
  try {
    await start(module, config);
  } catch (e) {
    // Before the service is up, a failure is its infrastructure or its configuration: say so and let the supervisor retry.
    exitForInfrastructure(config.service, `could not start: ${(e as Error)?.stack ?? String(e)}`);
  }
}

async function start(module: unknown, config: ServiceConfig): Promise<void> {
  const logger = new Logger('bootstrap');
  const app = await NestFactory.create(module as never, { logger: new AppLogger(config.service, config.logLevel, config.logFormat) });
  app.enableShutdownHooks();
  if (config.migrationsRun) {
    const applied = await runMigrations(app.get(DataSource), config.service);
    if (applied.length) logger.log(`${config.service}: applied migrations ${applied.join(', ')}`);
  }
  if (config.migrateOnly) {
    await app.close();
    return;
  }
  app.useGlobalFilters(new PassThroughRpcFilter());
  const nc = app.get<NatsConnection>(NATS_CONNECTION);
  exitWhenClosed(nc, config.service);
  app.connectMicroservice(
    {
      strategy: new NatsServer({
        service: config.service,
        namespace: config.namespace,
        nc,
        uow: app.get(UnitOfWork),
        backoffMs: config.eventRetryBackoffMs,
        streamReplicas: config.streamReplicas,
        streamMaxAgeDays: config.streamMaxAgeDays,
      }),
    },
    { inheritAppConfig: true },
  );
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.port, config.bindHost);
  logger.log(`${config.service} is up: NATS ${config.natsUrl} (namespace ${config.namespace}), health on :${config.port}/health`);
}

/** The connection reconnects forever; if it closes anyway (drained on shutdown aside), nothing here can work. */
export function exitWhenClosed(nc: NatsConnection, service: string): void {
  void nc.closed().then((err) => {
    if (err) exitForInfrastructure(service, `NATS connection closed: ${err.message}`);
  });
}
