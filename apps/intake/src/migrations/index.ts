import { Init1763900000000 } from './1763900000000-init.js';
import { WindowIntake1763900000010 } from './1763900000010-window-intake.js';

export const migrations = [Init1763900000000, WindowIntake1763900000010];
