import { Init1763900000100 } from './1763900000100-init.js';
import { Clock1763900000440 } from './1763900000440-clock.js';

export const migrations = [Init1763900000100, Clock1763900000440];
