import { Init1763900000000 } from './1763900000000-init.js';
import { PublicLookups1764700000200 } from './1764700000200-public-lookups.js';
import { Accounts1764700000600 } from './1764700000600-accounts.js';
import { Audit1764700000700 } from './1764700000700-audit.js';

export const migrations = [Init1763900000000, PublicLookups1764700000200, Accounts1764700000600, Audit1764700000700];
