import { Init1763900000000 } from './1763900000000-init.js';
import { Accounts1764700000600 } from './1764700000600-accounts.js';

export const migrations = [Init1763900000000, Accounts1764700000600];
