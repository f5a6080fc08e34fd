import { Init1763900000000 } from './1763900000000-init.js';
import { WindowIntake1763900000010 } from './1763900000010-window-intake.js';
import { RequestId1763900000020 } from './1763900000020-request-id.js';
import type { PiiKeyring } from '#libs/crypto';
import { encryptPersonalData } from './1764700000850-encrypt-personal-data.js';

export const migrations = [Init1763900000000, WindowIntake1763900000010, RequestId1763900000020];

/** Every migration, those that seal personal data with the service's keys included (the service module runs these). */
export const migrationsWith = (keyring: PiiKeyring) => [...migrations, encryptPersonalData(keyring)];
