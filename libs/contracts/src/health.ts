/** rpc.<service>.health {} → HealthReport; also what each service's GET /health answers. */
export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs?: number;
  error?: string;
}

export interface HealthReport {
  service: string;
  status: 'up' | 'down';
  dependencies: Record<string, DependencyStatus>;
  outboxBacklog?: number;
  /** The process's messaging counters (libs/messaging counters.ts), by name. */
  messaging: Record<string, number>;
}
