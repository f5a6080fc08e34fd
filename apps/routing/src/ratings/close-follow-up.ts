import { Injectable } from '@nestjs/common';
import { AppError, CloseFollowUpSchema, commandProblems, ErrorCodes, Events, type Command, type RatingFollowUpView } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { TimelineWriter } from '../timeline/timeline-writer.js';
import { followUpView } from './follow-up-view.js';
import { RatingRepository } from './rating.repository.js';

/**
 * 差评整改: a supervisor closes a 差评's follow-up with a note saying what was done. Once: a closed one answers 409.
 * Closing late is allowed (and recorded as overdue); the follow-up leaves the warnings then.
 */
@Injectable()
export class CloseFollowUp {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ratings: RatingRepository,
    private readonly onTimeline: TimelineWriter,
  ) {}

  async execute(command: Command<unknown>, correlationId: string): Promise<RatingFollowUpView> {
    const { value: input, problems } = commandProblems(CloseFollowUpSchema, command?.data);
    const notFound = () => AppError.notFound(ErrorCodes.FOLLOW_UP_NOT_FOUND, `No rating follow-up ${String(input.followUpId)}.`);
    // An id that cannot be one is answered as an unknown one.
    if (problems.some((p) => p.field === 'followUpId')) throw notFound();
    if (typeof command?.actor?.id !== 'string' || command.actor.id === '') problems.push({ field: 'actor', rule: 'required', message: 'the acting user is required' });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    if (command.actor.role !== 'SUPERVISOR') throw AppError.forbidden(ErrorCodes.AUTH_FORBIDDEN, 'Only a SUPERVISOR closes a rating follow-up.');
    const note = input.note.trim();
    return this.uow.run({ actor: command.actor, correlationId }, async (tx) => {
      const row = await this.ratings.lockFollowUp(tx.manager, input.followUpId);
      if (!row) throw notFound();
      if (row.status !== 'OPEN') throw AppError.conflict(ErrorCodes.FOLLOW_UP_ALREADY_CLOSED, `Rating follow-up ${row.id} was closed already.`, { status: row.status });
      const closed = await this.ratings.closeFollowUp(tx.manager, row, command.actor.id, note);
      if (!closed) throw AppError.conflict(ErrorCodes.CONCURRENT_UPDATE, `Rating follow-up ${row.id} changed meanwhile; look again.`);
      const overdue = closed.closed_at.getTime() > row.due_at.getTime();
      await this.onTimeline.emit(tx, Events.RatingFollowUpClosed, row.case_no, { followUpId: row.id, ratingId: row.rating_id, note, dueAt: row.due_at.toISOString(), overdue });
      return followUpView({ ...row, status: 'CLOSED', closed_at: closed.closed_at, closed_by: command.actor.id, note }, closed.closed_at);
    });
  }
}
