import { Init1763900000100 } from './1763900000100-init.js';
import { Clock1763900000440 } from './1763900000440-clock.js';
import { SiteSurveyFlag1763900000460 } from './1763900000460-site-survey-flag.js';
import { CaseSearch1763900000480 } from './1763900000480-case-search.js';
import { Ratings1764700000500 } from './1764700000500-ratings.js';
import { Audit1764700000710 } from './1764700000710-audit.js';
import { CaseViews1764800000120 } from './1764800000120-case-views.js';

export const migrations = [Init1763900000100, Clock1763900000440, SiteSurveyFlag1763900000460, CaseSearch1763900000480, Ratings1764700000500, Audit1764700000710, CaseViews1764800000120];
