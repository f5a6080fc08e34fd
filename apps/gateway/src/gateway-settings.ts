/**
 * Gateway-only knobs that ServiceConfig (#libs/config) does not carry yet; read once at boot, bad values stop it.
 * RATE_LIMIT_PER_MINUTE: logins per client IP and account, and /public/* requests per client IP, per minute, per replica (default 20).
 * TRUST_PROXY: Express "trust proxy" value (e.g. 1, or "loopback"), so req.ip is the client behind a balancer.
 */
function read(env: NodeJS.ProcessEnv) {
  const rateLimitPerMinute = Number(env.RATE_LIMIT_PER_MINUTE ?? 20);
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) {
    throw new Error(`[gateway] bad configuration: RATE_LIMIT_PER_MINUTE must be a positive integer, got "${env.RATE_LIMIT_PER_MINUTE}"`);
  }
  return { rateLimitPerMinute, trustProxy: trustProxy(env.TRUST_PROXY) };
}

function trustProxy(v: string | undefined): boolean | number | string | undefined {
  if (v === undefined || v === '' || v === 'false') return undefined;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

export const gatewaySettings = read(process.env);
