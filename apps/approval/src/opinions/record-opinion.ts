import { Injectable } from '@nestjs/common';
import { AppError, checkCommand, ErrorCodes, Events, RecordOpinionSchema, type Command, type OpinionView } from '#libs/contracts';
import { newId, UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { OpinionRepository } from './opinion.repository.js';
import { toOpinionView } from './opinion-view.js';

/**
 * 会商: the departments reviewing a case consult each other in writing. Any department with a task in the case (any
 * stage, any status) may add its opinion, through its chief representative or active backup. Opinions are kept,
 * never edited, and shown with the case and on its timeline.
 */
@Injectable()
export class RecordOpinion {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly opinions: OpinionRepository,
    private readonly tasks: ReviewTaskRepository,
    private readonly actingFor: ActingFor,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: Command<unknown>, correlationId: string): Promise<OpinionView> {
    const input = checkCommand(RecordOpinionSchema, command?.data);
    const request = { caseNo: input.caseNo, opinion: input.opinion.trim(), department: input.department };
    const actor = command.actor;
    return this.uow.run({ actor, correlationId }, async (tx) => {
      const inCase = await this.tasks.departmentsInCase(tx.manager, request.caseNo);
      if (!inCase.length) throw AppError.notFound(ErrorCodes.CASE_NOT_FOUND, `No case ${request.caseNo} under review.`);
      const mine = await this.actingFor.departments(tx.manager, actor);
      const eligible = inCase.filter((d) => mine.has(d));
      let department: string;
      if (request.department) {
        if (!eligible.includes(request.department)) {
          throw AppError.forbidden(ErrorCodes.OPINION_NOT_ALLOWED, `${request.department} has no task in ${request.caseNo}, or you do not act for it.`);
        }
        department = request.department;
      } else if (eligible.length === 1) {
        department = eligible[0];
      } else if (!eligible.length) {
        throw AppError.forbidden(ErrorCodes.OPINION_NOT_ALLOWED, `Only the departments reviewing ${request.caseNo} (${inCase.join(', ')}) give opinions on it.`);
      } else {
        throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'department', rule: 'required', message: `Say which department the opinion is from: ${eligible.join(' or ')}.` }]);
      }
      const acting = mine.get(department)!;
      const row = await this.opinions.add(tx.manager, {
        id: newId(),
        caseNo: request.caseNo,
        department,
        author: actor.id,
        onBehalfOf: acting.onBehalfOf ?? null,
        opinion: request.opinion,
      });
      tx.emit(Events.OpinionRecorded, request.caseNo, { opinionId: row.id, department, opinion: row.opinion }, acting);
      await this.audit.write(tx.manager, { actor: acting, action: 'OPINION_RECORDED', department, caseNo: request.caseNo, details: { opinionId: row.id } });
      return toOpinionView(row);
    });
  }
}
