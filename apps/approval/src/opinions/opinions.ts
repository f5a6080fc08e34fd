import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, Events, OPINION_MAX_LENGTH, type Command, type OpinionView, type Problem, type RecordOpinionRequest } from '#libs/contracts';
import { newId, UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { ActingFor } from '../delegations/acting-for.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { OpinionRepository, type OpinionRow } from './opinion.repository.js';

const CASE_NO = /^[A-Za-z0-9_-]{1,64}$/;
const DEPARTMENT = /^[A-Z0-9_-]{1,32}$/;

/**
 * 会商: the departments reviewing a case consult each other in writing. Any department with a task in the case (any
 * stage, any status) may add its opinion, through its chief representative or active backup. Opinions are kept,
 * never edited, and shown with the case and on its timeline.
 */
@Injectable()
export class Opinions {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly opinions: OpinionRepository,
    private readonly tasks: ReviewTaskRepository,
    private readonly actingFor: ActingFor,
    private readonly audit: AuditLogRepository,
  ) {}

  async record(command: Command<unknown>, correlationId: string): Promise<OpinionView> {
    const request = parse(command?.data);
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
      return toView(row);
    });
  }

  async ofCase(query: unknown): Promise<OpinionView[]> {
    const caseNo = (query as { caseNo?: unknown } | null)?.caseNo;
    if (typeof caseNo !== 'string' || !CASE_NO.test(caseNo)) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required.' }]);
    }
    return (await this.opinions.ofCase(caseNo)).map(toView);
  }
}

function toView(r: OpinionRow): OpinionView {
  return {
    opinionId: r.id,
    caseNo: r.case_no,
    department: r.department,
    author: r.author,
    ...(r.on_behalf_of ? { onBehalfOf: r.on_behalf_of } : {}),
    opinion: r.opinion,
    at: toShanghai(r.created_at)!,
  };
}

function parse(data: unknown): RecordOpinionRequest {
  const d = (data ?? {}) as Partial<Record<keyof RecordOpinionRequest, unknown>>;
  const problems: Problem[] = [];
  if (typeof d.caseNo !== 'string' || !CASE_NO.test(d.caseNo)) problems.push({ field: 'caseNo', rule: 'required', message: 'caseNo is required.' });
  const opinion = typeof d.opinion === 'string' ? d.opinion.trim() : '';
  if (!opinion || opinion.length > OPINION_MAX_LENGTH) problems.push({ field: 'opinion', rule: 'length', message: `opinion must be 1 to ${OPINION_MAX_LENGTH} characters.` });
  if (d.department !== undefined && d.department !== null && (typeof d.department !== 'string' || !DEPARTMENT.test(d.department))) {
    problems.push({ field: 'department', rule: 'isDepartment', message: 'department must be a department code.' });
  }
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return { caseNo: d.caseNo as string, opinion, department: (d.department as string | undefined) ?? undefined };
}
