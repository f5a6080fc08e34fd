import { SetMetadata } from '@nestjs/common';
import type { Role } from '#libs/contracts';

export const ROLES_KEY = 'gateway:roles';
export const PUBLIC_KEY = 'gateway:public';

/** The roles allowed here, in order of preference: the first one the user holds becomes the actor's role. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No login needed (login itself, the applicant's status page, health). Everything else needs a token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const PASSWORD_CHANGE_KEY = 'gateway:allowed-before-password-change';
/** Reachable by a user who must still replace a one-time password (changing it, logging out). */
export const AllowedBeforePasswordChange = () => SetMetadata(PASSWORD_CHANGE_KEY, true);
