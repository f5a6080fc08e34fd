import { Init1763900000200 } from './1763900000200-init.js';
import { Workbench1763900000410 } from './1763900000410-workbench.js';
import { WithdrawnCases1763900000430 } from './1763900000430-withdrawn-cases.js';
import { Clock1763900000450 } from './1763900000450-clock.js';
import { SiteSurveyFlag1763900000460 } from './1763900000460-site-survey-flag.js';
import { PausedTime1763900000470 } from './1763900000470-paused-time.js';

export const migrations = [Init1763900000200, Workbench1763900000410, WithdrawnCases1763900000430, Clock1763900000450, SiteSurveyFlag1763900000460, PausedTime1763900000470];
