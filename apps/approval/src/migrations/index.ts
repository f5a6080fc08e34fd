import { Init1763900000200 } from './1763900000200-init.js';

export const migrations = [Init1763900000200];
