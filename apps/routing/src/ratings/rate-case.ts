import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import { AppError, checkActorCommand, ErrorCodes, Events, RateCaseSchema, type Command, type RatingView } from '#libs/contracts';
import { newId, UnitOfWork } from '#libs/messaging';
import { TimelineWriter } from '../timeline/timeline-writer.js';
import { WorkflowRepository } from '../workflow/workflow.repository.js';
import { followUpDueAt, hasEnded, isPoor, reviewingDepartments } from './rating-rules.js';
import { RatingRepository } from './rating.repository.js';

/**
 * 好差评: the applicant rates a case once it has ended (DELIVERED, REJECTED or WITHDRAWN), once. The gateway checked
 * who they are (the ID's tail, with intake) before asking. A 差评 (≤ 2) opens a follow-up due in 5 working days.
 * The rating and the follow-up commit with RatingRecorded (outbox and timeline); a second rating is refused (409)
 * by the unique case number, whoever came first, and writes nothing.
 */
@Injectable()
export class RateCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly workflows: WorkflowRepository,
    private readonly ratings: RatingRepository,
    private readonly onTimeline: TimelineWriter,
  ) {}

  async execute(command: Command<unknown>, correlationId: string): Promise<RatingView> {
    const input = checkActorCommand(RateCaseSchema, command, command?.data);
    // A case's status only moves forward and an ended case stays ended: no lock needed to decide it may be rated.
    const wf = await this.workflows.find(input.caseNo);
    if (!wf) throw AppError.notFound(ErrorCodes.CASE_NOT_FOUND, 'No case matches this number and ID ending.');
    if (!hasEnded(wf.status)) {
      throw AppError.invalid(ErrorCodes.RATING_CASE_NOT_ENDED, [
        { field: 'caseNo', rule: 'caseEnded', message: `The case is ${wf.status}; it can be rated once it is delivered, rejected or withdrawn.` },
      ]);
    }
    const comment = input.comment?.trim() || null;
    return this.uow.run({ actor: command.actor, correlationId }, async (tx) => {
      const rating = await this.ratings.add(tx.manager, {
        id: newId(),
        caseNo: wf.case_no,
        score: input.score,
        comment,
        caseStatus: wf.status,
        itemCode: wf.item_code,
        itemName: wf.item_name,
        departments: reviewingDepartments(wf.plan, wf.current_stage),
      });
      if (!rating) throw AppError.conflict(ErrorCodes.RATING_ALREADY_GIVEN, `Case ${wf.case_no} has been rated already; a case is rated once.`);
      let followUp: { followUpId: string; dueAt: Date } | undefined;
      if (isPoor(rating.score)) {
        followUp = { followUpId: newId(), dueAt: followUpDueAt(rating.rated_at) };
        await this.ratings.openFollowUp(tx.manager, { id: followUp.followUpId, ratingId: rating.id, caseNo: wf.case_no, openedAt: rating.rated_at, dueAt: followUp.dueAt });
      }
      await this.onTimeline.emit(tx, Events.RatingRecorded, wf.case_no, {
        ratingId: rating.id,
        score: rating.score,
        ...(comment ? { comment } : {}),
        caseStatus: wf.status,
        ...(followUp ? { followUpId: followUp.followUpId, followUpDueAt: followUp.dueAt.toISOString() } : {}),
      });
      return {
        ratingId: rating.id,
        caseNo: wf.case_no,
        score: rating.score,
        ...(comment ? { comment } : {}),
        ratedAt: toShanghai(rating.rated_at)!,
        ...(followUp ? { followUp: { followUpId: followUp.followUpId, dueAt: toShanghai(followUp.dueAt)! } } : {}),
      };
    });
  }
}
