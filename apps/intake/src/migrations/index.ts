import { Init1763900000000 } from './1763900000000-init.js';
import { WindowIntake1763900000010 } from './1763900000010-window-intake.js';
import { RequestId1763900000020 } from './1763900000020-request-id.js';

export const migrations = [Init1763900000000, WindowIntake1763900000010, RequestId1763900000020];
