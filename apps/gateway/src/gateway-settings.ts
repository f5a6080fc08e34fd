/**
 * Gateway-only knobs that ServiceConfig (#libs/config) does not carry yet; read once at boot, bad values stop it.
 * RATE_LIMIT_PER_MINUTE: logins per client IP and account, and /public/* requests per client IP, per minute, per replica (default 20).
 * MAX_BODY_BYTES: the largest JSON body taken (default 262144, 256 KiB; a catalog item is a few KiB): larger ones get 413.
 * TRUST_PROXY: Express "trust proxy" value (e.g. 1, or "loopback"), so req.ip is the client behind a balancer.
 * CASE_PART_TIMEOUT_MS: how long GET /cases/{caseNo} waits for each optional part (routing, approval, fees, delivery)
 *   before showing it as missing and naming its service in `degraded` (default 3000; intake's part, the required one,
 *   keeps the full RPC_TIMEOUT_MS, 5000 by default).
 *   Why 3000 and not the 2000 it was: every optional part that times out leaves a staff screen showing less than
 *   is true (issue #7: a case READY_FOR_DELIVERY with its deliveries missing, on a busy 2-core CI host, where
 *   delivery answered after 2 s but inside the RPC timeout). The nearer the RPC timeout, the fewer such screens;
 *   but while one service is down every case page waits this long, so it stays below the RPC timeout. Whenever it
 *   runs out, `degraded` says which parts are missing, so the screen shows "unknown" rather than "none".
 */
function read(env: NodeJS.ProcessEnv) {
  const rateLimitPerMinute = Number(env.RATE_LIMIT_PER_MINUTE ?? 20);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) {
    throw new Error(`[gateway] bad configuration: RATE_LIMIT_PER_MINUTE must be a positive integer, got "${env.RATE_LIMIT_PER_MINUTE}"`);
  }
  const casePartTimeoutMs = Number(env.CASE_PART_TIMEOUT_MS ?? 3000);
  if (!Number.isInteger(casePartTimeoutMs) || casePartTimeoutMs < 1) {
    throw new Error(`[gateway] bad configuration: CASE_PART_TIMEOUT_MS must be a positive integer (milliseconds), got "${env.CASE_PART_TIMEOUT_MS}"`);
  }
  const maxBodyBytes = Number(env.MAX_BODY_BYTES ?? 262_144);
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1024) {
    throw new Error(`[gateway] bad configuration: MAX_BODY_BYTES must be a whole number of bytes ≥ 1024, got "${env.MAX_BODY_BYTES}"`);
  }
  return { rateLimitPerMinute, trustProxy: trustProxy(env.TRUST_PROXY), casePartTimeoutMs, maxBodyBytes };
}

function trustProxy(v: string | undefined): boolean | number | string | undefined {
  if (v === undefined || v === '' || v === 'false') return undefined;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

export const gatewaySettings = read(process.env);
