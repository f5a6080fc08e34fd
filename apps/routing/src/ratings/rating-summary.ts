import { Injectable } from '@nestjs/common';
import { fromShanghai, toShanghai } from '#libs/calendar';
import type { RatingSummaryView } from '#libs/contracts';
import { parseStatsQuery } from '../supervision/supervision-stats.js';
import { ratingFigures } from './rating-rules.js';
import { RatingRepository, type RatingFiguresRow } from './rating.repository.js';

const DAY_MS = 86_400_000;

/**
 * 好差评 per period (from/to: Asia/Shanghai dates, inclusive, as the clock's stats; default the last 30 days): count,
 * average and share of 差评, overall, per department (a rating counts for every department that reviewed its case)
 * and per item.
 */
@Injectable()
export class RatingSummary {
  constructor(private readonly ratings: RatingRepository) {}

  async execute(query: unknown): Promise<RatingSummaryView> {
    const now = new Date();
    const { from, to } = parseStatsQuery(query, now);
    const rows = await this.ratings.figures(fromShanghai(from), new Date(fromShanghai(to).getTime() + DAY_MS));
    const figures = (r: RatingFiguresRow) => ratingFigures(r.count, r.average, r.poor);
    return {
      from,
      to,
      generatedAt: toShanghai(now)!,
      overall: figures(rows.overall),
      departments: rows.departments.map((r) => ({ department: r.key, ...figures(r) })),
      items: rows.items.map((r) => ({ itemCode: r.key, itemName: r.name ?? '', ...figures(r) })),
    };
  }
}
