import { Injectable } from '@nestjs/common';
import { Rpc } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { HealthService, type DependencyStatus } from '#libs/platform';
import { overallStatus, type OverallStatus } from './overall-status.js';

export const BACKEND_SERVICES = ['intake', 'routing', 'approval', 'fees', 'delivery'] as const;
const PROBE_TIMEOUT_MS = 1000;

export interface GatewayHealth {
  status: OverallStatus;
  dependencies: Record<'postgres' | 'nats' | (typeof BACKEND_SERVICES)[number], DependencyStatus>;
}

@Injectable()
export class GatewayHealthService {
  constructor(
    private readonly own: HealthService,
    private readonly rpc: RpcClient,
  ) {}

  async check(correlationId: string): Promise<GatewayHealth> {
    const [own, ...services] = await Promise.all([this.own.check(), ...BACKEND_SERVICES.map((s) => this.probe(s, correlationId))]);
    const { postgres, nats } = own.dependencies;
    const dependencies = { postgres, nats, ...Object.fromEntries(BACKEND_SERVICES.map((s, i) => [s, services[i]])) } as GatewayHealth['dependencies'];
    return { status: overallStatus([postgres, nats], services), dependencies };
  }

  /** A service that answers but reports its own dependencies down is down too. */
  private async probe(service: (typeof BACKEND_SERVICES)[number], correlationId: string): Promise<DependencyStatus> {
    const started = Date.now();
    try {
      const report = await this.rpc.request(Rpc[service].health, {}, { correlationId, timeoutMs: PROBE_TIMEOUT_MS });
      const latencyMs = Date.now() - started;
      return report.status === 'up' ? { status: 'up', latencyMs } : { status: 'down', latencyMs, error: 'reports itself down' };
    } catch (e) {
      return { status: 'down', error: (e as { details?: { cause?: string } }).details?.cause ?? (e as Error).message };
    }
  }
}
