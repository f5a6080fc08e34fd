import type { Role } from '#libs/contracts';

/**
 * The role a user acts in on an endpoint: the first allowed role they hold. No allowed list means any logged-in
 * staff member, who then acts in their first role. Undefined: not allowed.
 */
export function chooseRole(userRoles: readonly Role[], allowed: readonly Role[] | undefined): Role | undefined {
  if (!allowed?.length) return userRoles[0];
  return allowed.find((r) => userRoles.includes(r));
}
