import { DELIVERY_DEFAULTS, readDeliverySettings, type DeliverySettings } from './delivery-settings.js';
import { jwtSecretProblem, readSessionSettings, SESSION_DEFAULTS, type SessionSettings } from './session-settings.js';
import { FEES_DEFAULTS, readFeesSettings, type FeesSettings } from './fees-settings.js';
import { COURIER_DEFAULTS, readCourierSettings, type CourierSettings } from './courier-settings.js';
import { NOTIFY_DEFAULTS, readNotifySettings, type NotifySettings } from './notify-settings.js';
import { GATEWAY_DEFAULTS, readGatewaySettings, type GatewaySettings } from './gateway-settings.js';
import { INTAKE_DEFAULTS, readIntakeSettings, type IntakeSettings } from './intake-settings.js';
import { readProcessSettings, type ProcessSettings } from './process-settings.js';
import { readRoutingSettings, ROUTING_DEFAULTS, type RoutingSettings } from './routing-settings.js';
import { readStreamSettings, type StreamSettings } from './stream-settings.js';
import { PII_DEFAULTS, readPiiSettings, type PiiSettings } from './pii-settings.js';
import { readTelemetrySettings, type TelemetrySettings } from './telemetry-settings.js';

/**
 * The environment is read once, at boot, into a typed object; a bad value stops the process with one clear line
 * instead of a stack trace at the first query. This is the only place that reads it (scripts/*.mjs aside).
 * One service's own knobs (GatewaySettings, …) are read, and can stop it, only in that service; the others carry
 * their defaults.
 */
export interface ServiceConfig extends ProcessSettings, StreamSettings, GatewaySettings, IntakeSettings, RoutingSettings, FeesSettings, DeliverySettings, NotifySettings, CourierSettings, SessionSettings, PiiSettings, TelemetrySettings {
  service: string;
  databaseUrl: string;
  natsUrl: string;
  /** Prefix of every subject and stream, so several deployments (or test runs) can share one NATS server. */
  namespace: string;
  port: number;
  migrationsRun: boolean;
  seedDemo: boolean;
  demoPassword: string;
  jwtSecret: string;
  logLevel: string;
  rpcTimeoutMs: number;
  /** Wait before each redelivery of an event whose handler failed, by attempt (EVENT_RETRY_BACKOFF_MS, comma-separated). */
  eventRetryBackoffMs: number[];
  /**
   * Bearer token for the operator routes on a service's own health port (`POST /internal/warning-sweep` on routing).
   * Unset: those routes are not served at all.
   */
  internalToken?: string;
  /**
   * The share of a clock's working time used that raises a yellow warning (WARNING_THRESHOLD, 0 < x < 1, default
   * 0.8): routing's sweep and approval's worklist both take it from here, so they cannot disagree.
   */
  warningThreshold: number;
}

const DEFAULT_PORTS: Record<string, number> = {
  gateway: 3000,
  intake: 3001,
  routing: 3002,
  approval: 3003,
  fees: 3004,
  delivery: 3005,
};

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/onewindow';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
const DEV_JWT_SECRET = 'dev-only-secret-change-me';

export function loadConfig(service: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const problems: string[] = [];
  const portVar = `${service.toUpperCase()}_PORT`;
  const port = Number(env[portVar] ?? env.PORT ?? DEFAULT_PORTS[service] ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`${portVar} must be a TCP port, got "${env[portVar]}"`);
  const databaseUrl = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres://');
  const natsUrl = env.NATS_URL ?? DEFAULT_NATS_URL;
  if (!/^(nats|tls):\/\//.test(natsUrl)) problems.push('NATS_URL must start with nats://');
  const namespace = env.NATS_NAMESPACE ?? 'ow';
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(namespace)) problems.push('NATS_NAMESPACE must be lower-case letters, digits or _');
  const jwtSecret = env.JWT_SECRET ?? DEV_JWT_SECRET;
  const secretProblem = jwtSecretProblem(jwtSecret, env.NODE_ENV === 'production');
  if (secretProblem) problems.push(secretProblem);
  const rpcTimeoutMs = Number(env.RPC_TIMEOUT_MS ?? 5000);
  const eventRetryBackoffMs = (env.EVENT_RETRY_BACKOFF_MS ?? '500,2000,5000,15000').split(',').map((v) => Number(v.trim()));
  if (!eventRetryBackoffMs.length || eventRetryBackoffMs.some((n) => !Number.isInteger(n) || n < 0 || n > 3_600_000)) {
    problems.push(`EVENT_RETRY_BACKOFF_MS must be comma-separated milliseconds (0..3600000), got "${env.EVENT_RETRY_BACKOFF_MS}"`);
  }
  const internalToken = env.INTERNAL_TOKEN || undefined;
  if (internalToken !== undefined && internalToken.length < 16) problems.push('INTERNAL_TOKEN must be at least 16 characters (or unset)');
  const warningThreshold = env.WARNING_THRESHOLD ? Number(env.WARNING_THRESHOLD) : 0.8;
  if (!(warningThreshold > 0 && warningThreshold < 1)) {
    problems.push(`WARNING_THRESHOLD must be between 0 and 1 (exclusive), got "${env.WARNING_THRESHOLD}"`);
  }
  const processSettings = readProcessSettings(env, problems);
  const streamSettings = readStreamSettings(env, problems);
  const telemetrySettings = readTelemetrySettings(env, problems);
  const gatewaySettings = service === 'gateway' ? readGatewaySettings(env, problems) : GATEWAY_DEFAULTS;
  const intakeSettings = service === 'intake' ? readIntakeSettings(env, problems) : INTAKE_DEFAULTS;
  const routingSettings = service === 'routing' ? readRoutingSettings(env, problems) : ROUTING_DEFAULTS;
  const feesSettings = service === 'fees' ? readFeesSettings(env, problems) : FEES_DEFAULTS;
  const deliverySettings = service === 'delivery' ? readDeliverySettings(env, problems) : DELIVERY_DEFAULTS;
  const notifySettings = service === 'delivery' ? readNotifySettings(env, problems) : NOTIFY_DEFAULTS;
  const courierSettings = service === 'delivery' ? readCourierSettings(env, problems) : COURIER_DEFAULTS;
  const sessionSettings = service === 'gateway' ? readSessionSettings(env, problems) : SESSION_DEFAULTS;
  // Only the services that keep ID numbers, phones and addresses hold the personal-data keys.
  const piiSettings = service === 'intake' || service === 'delivery' ? readPiiSettings(env, problems) : PII_DEFAULTS;
  if (problems.length) {
    throw new Error(`[${service}] bad configuration: ${problems.join('; ')}`);
  }
  return {
    service,
    databaseUrl,
    natsUrl,
    namespace,
    port,
    migrationsRun: (env.MIGRATIONS_RUN ?? 'true') !== 'false',
    seedDemo: env.SEED_DEMO === 'true',
    demoPassword: env.DEMO_PASSWORD ?? 'demo-password',
    jwtSecret,
    logLevel: env.LOG_LEVEL ?? 'log',
    rpcTimeoutMs,
    eventRetryBackoffMs,
    internalToken,
    warningThreshold,
    ...processSettings,
    ...streamSettings,
    ...gatewaySettings,
    ...intakeSettings,
    ...routingSettings,
    ...feesSettings,
    ...deliverySettings,
    ...notifySettings,
    ...courierSettings,
    ...sessionSettings,
    ...piiSettings,
    ...telemetrySettings,
  };
}

/** Secrets never reach a log line. */
export function describeConfig(c: ServiceConfig): Record<string, unknown> {
  return {
    ...c,
    jwtSecret: '***',
    demoPassword: '***',
    internalToken: c.internalToken === undefined ? undefined : '***',
    paymentCallbackSecret: '***',
    notifySmsKey: c.notifySmsKey === undefined ? undefined : '***',
    piiKeys: c.piiKeys === undefined ? undefined : '***',
    databaseUrl: c.databaseUrl.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@'),
  };
}
