import { Init1763900000000 } from './1763900000000-init.js';
import { HoldAndWithdrawal1763900000430 } from './1763900000430-hold-and-withdrawal.js';

export const migrations = [Init1763900000000, HoldAndWithdrawal1763900000430];
