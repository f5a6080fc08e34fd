import type { INestApplication } from '@nestjs/common';
import { httpObserver, METRICS_CONTENT_TYPE, metricsText } from '#libs/observability';
import { HealthService } from './health.js';

interface Req {
  method: string;
  path: string;
}
interface Res {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

function send(res: Res, status: number, body: string, type: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

const json = (res: Res, status: number, body: unknown) => send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');

/**
 * The operator's endpoints on every service's HTTP port, answered before anything else sees the request (no guard,
 * no audit, no API prefix): `GET /health/live` (the process answers: 200, no dependency checked), `GET
 * /health/ready` (PostgreSQL and NATS each within 1 s: 200, else 503) and `GET /metrics` (Prometheus text). `GET
 * /health` stays what it was (the service's HealthController, the gateway's own).
 */
export function operationalEndpoints(health: HealthService) {
  return (req: Req, res: Res, next: () => void): void => {
    if (req.method !== 'GET') return next();
    switch (req.path) {
      case '/health/live':
        return json(res, 200, health.live());
      case '/health/ready':
        void health.ready().then(
          (r) => json(res, r.status === 'up' ? 200 : 503, r),
          (e: Error) => json(res, 503, { status: 'down', error: e?.message }),
        );
        return;
      case '/metrics':
        void metricsText().then(
          (text) => send(res, 200, text, METRICS_CONTENT_TYPE),
          (e: Error) => send(res, 500, `# metrics failed: ${e?.message}\n`, 'text/plain; charset=utf-8'),
        );
        return;
      default:
        return next();
    }
  };
}

/**
 * Mounts the operational endpoints on the app's HTTP server, first; with `httpMetrics` (the gateway) every other
 * request is then timed and, when tracing is on, traced (#libs/observability httpObserver). Call before any other
 * middleware.
 */
export function serveOperations(app: INestApplication, opts: { httpMetrics?: boolean } = {}): void {
  app.use(operationalEndpoints(app.get(HealthService)));
  if (opts.httpMetrics) app.use(httpObserver);
}
