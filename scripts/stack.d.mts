import type { ChildProcess } from 'node:child_process';

export const ROOT: string;
export const SERVICES: string[];
export function canConnect(url: string, timeoutMs?: number): Promise<boolean>;
export function ensureDatabase(databaseUrl: string): Promise<void>;
export function dropDatabase(databaseUrl: string): Promise<void>;
export function waitHealthy(port: number, timeoutMs?: number, proc?: ChildProcess): Promise<void>;
/**
 * Restarting a service process that exits without the stack stopping it (`kill`, `down`): same name, env and port.
 * The delay is `backoffMs[n - 1]` for the n-th failure in a row (the last entry once past the end); a run that stayed
 * up at least `quickMs` resets n. After `giveUpAfter` failures in a row, each within `quickMs` of starting, the
 * process is left down. `log` gets one line per exit (default: stderr).
 */
export interface RestartOptions {
  backoffMs?: readonly number[];
  giveUpAfter?: number;
  quickMs?: number;
  log?: (line: string) => void;
}
/** `npm start`'s policy: 1 s, 2 s, 5 s, 10 s, 30 s; give up after 5 failures in a row within 30 s of starting. */
export const DEFAULT_RESTART: Readonly<{ backoffMs: readonly number[]; giveUpAfter: number; quickMs: number }>;
export interface Stack {
  ports: Record<string, number>;
  /** The current child of each process name (a restart replaces the entry). */
  procs: Map<string, ChildProcess>;
  /** Restarts done so far per process name (only with the `restart` option); absent = none. */
  restarts: Record<string, number>;
  url: string;
  up(timeoutMs?: number): Promise<void>;
  startService(service: string, timeoutMs?: number): Promise<void>;
  /** Another process of `service` on its own port, named `<service>-<suffix>` (e.g. a second routing replica). */
  startExtra(service: string, suffix: string, timeoutMs?: number): Promise<{ name: string; port: number }>;
  migrate(): Promise<void>;
  /** Stops a process on purpose: never followed by a restart (and calls off one that is waiting). */
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
  /** Off unless given (tests stop services on purpose); `true` = DEFAULT_RESTART. */
  restart?: boolean | RestartOptions;
}): Stack;
