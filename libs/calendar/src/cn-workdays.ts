/* The official public-holiday and make-up-workday schedule of the PRC, from the State Council General Office notices
 * (see `source`). This file is the only copy: it is compiled in, so nothing is read from disk at run time. When the
 * next year's notice is published, add its year here. `holidays` are days off (including the weekend days folded
 * into a holiday block); `workdays` are weekend days that are working days (调休上班). Any other Saturday or Sunday is
 * a day off, any other weekday a working day. A year absent here is not known yet: WorkingCalendar treats it as
 * "weekends only" and says so (Deadline.estimated), never silently. */
import type { WorkdaySchedule } from './working-calendar.js';

export const CN_WORKDAYS: WorkdaySchedule = {
  "source": {
    "2025": "国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)",
    "2026": "国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)"
  },
  "years": {
    "2025": {
      "holidays": [
        "2025-01-01",
        "2025-01-28",
        "2025-01-29",
        "2025-01-30",
        "2025-01-31",
        "2025-02-01",
        "2025-02-02",
        "2025-02-03",
        "2025-02-04",
        "2025-04-04",
        "2025-04-05",
        "2025-04-06",
        "2025-05-01",
        "2025-05-02",
        "2025-05-03",
        "2025-05-04",
        "2025-05-05",
        "2025-05-31",
        "2025-06-01",
        "2025-06-02",
        "2025-10-01",
        "2025-10-02",
        "2025-10-03",
        "2025-10-04",
        "2025-10-05",
        "2025-10-06",
        "2025-10-07",
        "2025-10-08"
      ],
      "workdays": [
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11"
      ]
    },
    "2026": {
      "holidays": [
        "2026-01-01",
        "2026-01-02",
        "2026-01-03",
        "2026-02-15",
        "2026-02-16",
        "2026-02-17",
        "2026-02-18",
        "2026-02-19",
        "2026-02-20",
        "2026-02-21",
        "2026-02-22",
        "2026-02-23",
        "2026-04-04",
        "2026-04-05",
        "2026-04-06",
        "2026-05-01",
        "2026-05-02",
        "2026-05-03",
        "2026-05-04",
        "2026-05-05",
        "2026-06-19",
        "2026-06-20",
        "2026-06-21",
        "2026-09-25",
        "2026-09-26",
        "2026-09-27",
        "2026-10-01",
        "2026-10-02",
        "2026-10-03",
        "2026-10-04",
        "2026-10-05",
        "2026-10-06",
        "2026-10-07"
      ],
      "workdays": [
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10"
      ]
    }
  }
};
