import type { ChildProcess } from 'node:child_process';

export const ROOT: string;
export const SERVICES: string[];
export function canConnect(url: string, timeoutMs?: number): Promise<boolean>;
export function ensureDatabase(databaseUrl: string): Promise<void>;
export function dropDatabase(databaseUrl: string): Promise<void>;
export function waitHealthy(port: number, timeoutMs?: number, proc?: ChildProcess): Promise<void>;
export interface Stack {
  ports: Record<string, number>;
  procs: Map<string, ChildProcess>;
  url: string;
  up(timeoutMs?: number): Promise<void>;
  startService(service: string, timeoutMs?: number): Promise<void>;
  /** Another process of `service` on its own port, named `<service>-<suffix>` (e.g. a second routing replica). */
  startExtra(service: string, suffix: string, timeoutMs?: number): Promise<{ name: string; port: number }>;
  migrate(): Promise<void>;
  kill(service: string, signal?: NodeJS.Signals): Promise<void>;
  down(): Promise<void>;
}
export function createStack(opts: {
  databaseUrl: string;
  natsUrl: string;
  namespace?: string;
  basePort?: number;
  seedDemo?: boolean;
  env?: Record<string, string>;
  output?: (service: string, line: string) => void;
}): Stack;
