/** The gateway's own knobs; other services keep the defaults. */
export interface GatewaySettings {
  /** RATE_LIMIT_PER_MINUTE: logins per client IP and account, and /public/* requests per client IP, per minute, per replica. */
  rateLimitPerMinute: number;
  /**
   * CASE_PART_TIMEOUT_MS: how long GET /cases/{caseNo} waits for each optional part (routing, approval, fees,
   * delivery) before showing it as missing and naming its service in `degraded` (intake's part, the required one,
   * keeps the full RPC_TIMEOUT_MS).
   * Why 3000 and not the 2000 it was: every optional part that times out leaves a staff screen showing less than
   * is true (issue #7: a case READY_FOR_DELIVERY with its deliveries missing, on a busy 2-core CI host, where
   * delivery answered after 2 s but inside the RPC timeout). The nearer the RPC timeout, the fewer such screens;
   * but while one service is down every case page waits this long, so it stays below the RPC timeout. Whenever it
   * runs out, `degraded` says which parts are missing, so the screen shows "unknown" rather than "none".
   */
  casePartTimeoutMs: number;
  /** MAX_BODY_BYTES: the largest JSON body taken (a catalog item is a few KiB); larger ones get 413. */
  maxBodyBytes: number;
  /** TRUST_PROXY: Express "trust proxy" value (e.g. 1, or "loopback"), so req.ip is the client behind a balancer. */
  trustProxy?: boolean | number | string;
  /**
   * PAYMENT_CALLBACK_SECRET: the HMAC-SHA256 key banks sign `POST /payments/callback` with. The demo default is
   * refused by a production start (NODE_ENV=production), as is anything shorter than 16 characters.
   */
  paymentCallbackSecret: string;
}

export const DEMO_CALLBACK_SECRET = 'demo-callback-secret';

export const GATEWAY_DEFAULTS: GatewaySettings = { rateLimitPerMinute: 20, casePartTimeoutMs: 3000, maxBodyBytes: 262_144, paymentCallbackSecret: DEMO_CALLBACK_SECRET };

export function readGatewaySettings(env: NodeJS.ProcessEnv, problems: string[]): GatewaySettings {
  const rateLimitPerMinute = Number(env.RATE_LIMIT_PER_MINUTE ?? GATEWAY_DEFAULTS.rateLimitPerMinute);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) {
    problems.push(`RATE_LIMIT_PER_MINUTE must be a positive integer, got "${env.RATE_LIMIT_PER_MINUTE}"`);
  }
  const casePartTimeoutMs = Number(env.CASE_PART_TIMEOUT_MS ?? GATEWAY_DEFAULTS.casePartTimeoutMs);
  if (!Number.isInteger(casePartTimeoutMs) || casePartTimeoutMs < 1) {
    problems.push(`CASE_PART_TIMEOUT_MS must be a positive integer (milliseconds), got "${env.CASE_PART_TIMEOUT_MS}"`);
  }
  const maxBodyBytes = Number(env.MAX_BODY_BYTES ?? GATEWAY_DEFAULTS.maxBodyBytes);
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1024) {
    problems.push(`MAX_BODY_BYTES must be a whole number of bytes ≥ 1024, got "${env.MAX_BODY_BYTES}"`);
  }
  const paymentCallbackSecret = env.PAYMENT_CALLBACK_SECRET ?? DEMO_CALLBACK_SECRET;
  if (env.NODE_ENV === 'production' && paymentCallbackSecret === DEMO_CALLBACK_SECRET) problems.push('PAYMENT_CALLBACK_SECRET must be set in production');
  if (paymentCallbackSecret.length < 16) problems.push('PAYMENT_CALLBACK_SECRET must be at least 16 characters');
  return { rateLimitPerMinute, casePartTimeoutMs, maxBodyBytes, trustProxy: trustProxy(env.TRUST_PROXY), paymentCallbackSecret };
}

function trustProxy(v: string | undefined): boolean | number | string | undefined {
  if (v === undefined || v === '' || v === 'false') return undefined;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}
