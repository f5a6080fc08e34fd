import type { DependencyStatus } from '#libs/contracts';

export type OverallStatus = 'up' | 'degraded' | 'down';

/** Down when the gateway's own PostgreSQL or NATS is (it can serve nothing); degraded when only services are. */
export function overallStatus(own: DependencyStatus[], services: DependencyStatus[]): OverallStatus {
  if (own.some((d) => d.status !== 'up')) return 'down';
  return services.every((d) => d.status === 'up') ? 'up' : 'degraded';
}
