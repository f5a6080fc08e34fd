import type { Role } from '#libs/contracts';

export interface DemoUser {
  username: string;
  roles: Role[];
  department?: string;
  displayName: string;
}

/**
 * Mirrors the departments of the sample catalog (intake's seed): each one gets a chief representative, so every
 * review task the sample items create has someone who can decide it. Keep the two lists in step.
 */
export const DEMO_DEPARTMENTS = [
  'SAMR', 'PSB', 'TAX', 'HRSS', 'NRB', 'HUD', 'EEB', 'WRB', 'CTB', 'TRB', 'HEALTH', 'DRC', 'CIVIL', 'FIRE',
] as const;

export const DEMO_USERS: DemoUser[] = [
  { username: 'clerk1', roles: ['CLERK'], displayName: 'Window clerk 1' },
  { username: 'finance1', roles: ['FINANCE'], displayName: 'Finance window 1' },
  { username: 'courier1', roles: ['COURIER'], displayName: 'Courier dispatch 1' },
  { username: 'supervisor1', roles: ['SUPERVISOR'], displayName: 'Supervisor 1' },
  { username: 'admin', roles: ['ADMIN'], displayName: 'Administrator' },
  // A backup (AB岗) with no department of their own: they act for a department only while a delegation names them.
  { username: 'backup.nrb', roles: ['CHIEF_REP'], displayName: 'Backup chief representative (AB岗), NRB' },
  ...DEMO_DEPARTMENTS.map((department) => ({
    username: `rep.${department.toLowerCase()}`,
    roles: ['CHIEF_REP'] as Role[],
    department,
    displayName: `Chief representative, ${department}`,
  })),
];
