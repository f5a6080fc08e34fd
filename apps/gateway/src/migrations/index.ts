import { Init1763900000000 } from './1763900000000-init.js';

export const migrations = [Init1763900000000];
