import { Init1763900000000 } from './1763900000000-init.js';
import { HoldAndWithdrawal1763900000430 } from './1763900000430-hold-and-withdrawal.js';
import { Certificates1764700000100 } from './1764700000100-certificates.js';
import { Notifications1764700000200 } from './1764700000200-notifications.js';
import { DecisionLetters1764700000300 } from './1764700000300-decision-letters.js';
import { Courier1764700000400 } from './1764700000400-courier.js';
import type { PiiKeyring } from '#libs/crypto';
import { encryptPersonalData } from './1764700000850-encrypt-personal-data.js';

export const migrations = [Init1763900000000, HoldAndWithdrawal1763900000430, Certificates1764700000100, Notifications1764700000200, DecisionLetters1764700000300, Courier1764700000400];

/** Every migration, those that seal personal data with the service's keys included (the service module runs these). */
export const migrationsWith = (keyring: PiiKeyring) => [...migrations, encryptPersonalData(keyring)];
