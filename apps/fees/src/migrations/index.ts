import { Init1763900000000 } from './1763900000000-init.js';
import { Withdrawal1763900000430 } from './1763900000430-withdrawal.js';
import { FeeCollection1764600000000 } from './1764600000000-fee-collection.js';

export const migrations = [Init1763900000000, Withdrawal1763900000430, FeeCollection1764600000000];
