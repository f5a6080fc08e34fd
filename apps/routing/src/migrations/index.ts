import { Init1763900000100 } from './1763900000100-init.js';

export const migrations = [Init1763900000100];
