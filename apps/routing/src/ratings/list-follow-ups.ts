import { Injectable } from '@nestjs/common';
import { checkCommand, FollowUpsQuerySchema, type RatingFollowUpView } from '#libs/contracts';
import { followUpView } from './follow-up-view.js';
import { RatingRepository } from './rating.repository.js';

/** The 差评 follow-ups, OPEN or CLOSED or both, soonest due first (at most 500). */
@Injectable()
export class ListFollowUps {
  constructor(private readonly ratings: RatingRepository) {}

  async execute(query: unknown): Promise<RatingFollowUpView[]> {
    const q = checkCommand(FollowUpsQuerySchema, query);
    const now = new Date();
    return (await this.ratings.followUps(q.status)).map((r) => followUpView(r, now));
  }
}
