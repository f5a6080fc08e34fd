import { Init1763900000100 } from './1763900000100-init.js';
import { Clock1763900000440 } from './1763900000440-clock.js';
import { SiteSurveyFlag1763900000460 } from './1763900000460-site-survey-flag.js';

export const migrations = [Init1763900000100, Clock1763900000440, SiteSurveyFlag1763900000460];
