import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { AppLogger } from '#libs/logging';
import { NATS_CONNECTION, NatsServer, PassThroughRpcFilter, UnitOfWork } from '#libs/messaging';
import { runMigrations } from '#libs/persistence';
import { serveOperations } from './operations.js';
import { exitForInfrastructure, installProcessGuards } from './process-guards.js';

/**
 * Starts a back-end service: migrate (when configured), serve its handlers over NATS, and answer /health (and
 * /health/live, /health/ready, /metrics) over HTTP.
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
  const app = await createServiceApp(module, config, { shutdownHooks: true });
  if (!app) return; // MIGRATE_ONLY: migrated and closed
  exitWhenClosed(app.get<NatsConnection>(NATS_CONNECTION), config.service);
  await app.listen(config.port, config.bindHost);
  new Logger('bootstrap').log(
    `${config.service} is up: NATS ${config.natsUrl} (namespace ${config.namespace}), health on :${config.port}/health (/live, /ready), metrics on :${config.port}/metrics`,
  );
}

/**
 * The service's app as bootstrapService runs it, up to but not including the HTTP port: created with the service's
 * logger, migrated (unless MIGRATIONS_RUN=false), its handlers served over NATS by NatsServer and every consumer
 * started. bootstrapService then listens; an integration test (test/support/one-service.ts) drives it as it is.
 * With MIGRATE_ONLY the app is closed after migrating and the answer is null.
 */
export async function createServiceApp(module: unknown, config: ServiceConfig, options: { shutdownHooks?: boolean } = {}): Promise<INestApplication | null> {
  const logger = new Logger('bootstrap');
  const app = await NestFactory.create(module as never, { logger: new AppLogger(config.service, config.logLevel, config.logFormat) });
  try {
    if (options.shutdownHooks) app.enableShutdownHooks();
    // /health/live, /health/ready and /metrics on the health port, ahead of everything else.
    serveOperations(app);
    if (config.migrationsRun) {
      const applied = await runMigrations(app.get(DataSource), config.service);
      if (applied.length) logger.log(`${config.service}: applied migrations ${applied.join(', ')}`);
    }
    if (config.migrateOnly) {
      await app.close();
      return null;
    }
    app.useGlobalFilters(new PassThroughRpcFilter());
    app.connectMicroservice(
      {
        strategy: new NatsServer({
          service: config.service,
          namespace: config.namespace,
          nc: app.get<NatsConnection>(NATS_CONNECTION),
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
    return app;
  } catch (e) {
    await app.close().catch(() => undefined);
    throw e;
  }
}

/** The connection reconnects forever; if it closes anyway (drained on shutdown aside), nothing here can work. */
export function exitWhenClosed(nc: NatsConnection, service: string): void {
  void nc.closed().then((err) => {
    if (err) exitForInfrastructure(service, `NATS connection closed: ${err.message}`);
  });
}
