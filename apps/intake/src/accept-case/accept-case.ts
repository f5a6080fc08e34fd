import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  ErrorCodes,
  Events,
  CaseStatus,
  type AcceptCaseReply,
  type AcceptCaseRequest,
  type CaseAcceptedData,
  type Command,
  type Problem,
} from '#libs/contracts';
import { shanghaiDate, toShanghai, WorkingCalendar } from '#libs/calendar';
import { UnitOfWork } from '#libs/messaging';
import { queryOne } from '#libs/persistence';
import { CatalogQueries } from '../catalog/catalog-queries.js';
import { checkApplication } from './acceptance-rules.js';
import { formatCaseNo } from './case-number.js';

/** 受理: checks the application whole, numbers the case and records it with its acceptance event in one commit. */
@Injectable()
export class AcceptCase {
  private readonly calendar = WorkingCalendar.official();

  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
    private readonly catalog: CatalogQueries,
  ) {}

  async execute(cmd: Command<AcceptCaseRequest>, correlationId: string): Promise<AcceptCaseReply> {
    const req = cmd.data;
    const item = await this.catalog.getItem(req.itemCode);
    const center = await this.catalog.getCenter(req.centerCode);
    const { problems, missing } = checkApplication(item, req);
    if (!center) problems.unshift({ field: 'centerCode', rule: 'knownCenter', message: `no service center ${req.centerCode}` });
    if (problems.length) throw AppError.invalid(ErrorCodes.CASE_INVALID, problems);
    if (missing.length) {
      throw new AppError(ErrorCodes.CASE_MATERIALS_MISSING, 'Required materials are missing; the notice lists every one.', 422, {
        notice: { itemCode: item.code, missing, issuedAt: toShanghai(new Date()) },
        problems: missing.map<Problem>((m) => ({ field: `materials.${m.code}`, rule: 'required', message: `${m.name} is required` })),
      });
    }

    const acceptedAt = new Date();
    const promised = this.calendar.deadline(acceptedAt, item.promisedDays);
    const legal = this.calendar.deadline(acceptedAt, item.legalDays);
    const caseNo = await this.allocateCaseNo(center!.region.slice(0, 6), shanghaiDate(acceptedAt));
    const applicant = { ...req.applicant, idNumber: req.applicant.idNumber.toUpperCase() };
    const materials = item.materials.map((m) => ({
      code: m.code,
      name: m.name,
      provided: req.materials.some((p) => p.code === m.code && p.provided),
    }));

    await this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      await tx.manager.query(
        `INSERT INTO intake.cases (case_no, item_code, item_version, item_name, case_type, center_code, status, applicant, materials,
           form, delivery, accepted_at, accepted_by, promised_deadline, legal_deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14, $15)`,
        [
          caseNo, item.code, item.version, item.name, item.caseType, req.centerCode, CaseStatus.ACCEPTED,
          JSON.stringify(applicant), JSON.stringify(materials), JSON.stringify(req.form ?? {}), JSON.stringify(req.delivery),
          acceptedAt, cmd.actor.id, promised.at, legal.at,
        ],
      );
      const data: CaseAcceptedData = {
        itemCode: item.code,
        itemVersion: item.version ?? 1,
        itemName: item.name,
        caseType: item.caseType,
        centerCode: req.centerCode,
        applicant,
        form: req.form ?? {},
        delivery: req.delivery,
        reviewPlan: item.reviewPlan,
        fees: item.fees,
        results: item.results,
        legalDays: item.legalDays,
        promisedDays: item.promisedDays,
        acceptedAt: acceptedAt.toISOString(),
        promisedDeadline: promised.at.toISOString(),
        legalDeadline: legal.at.toISOString(),
      };
      tx.emit(Events.CaseAccepted, caseNo, data);
    });

    return {
      caseNo,
      status: CaseStatus.ACCEPTED,
      acceptedAt: toShanghai(acceptedAt)!,
      promisedDeadline: toShanghai(promised.at)!,
      legalDeadline: toShanghai(legal.at)!,
      ...(promised.estimated || legal.estimated ? { deadlineEstimated: true, estimatedYears: [...new Set([...promised.estimatedYears, ...legal.estimatedYears])] } : {}),
    };
  }

  /**
   * Its own short statement, outside the acceptance transaction: the counter row is locked only for the increment,
   * so parallel acceptances do not queue behind each other. A failed acceptance leaves a gap; a number is never reused.
   */
  private async allocateCaseNo(region: string, day: string): Promise<string> {
    const row = await queryOne<{ last_seq: number }>(
      this.ds.manager,
      `INSERT INTO intake.case_number_counters (region, day, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (region, day) DO UPDATE SET last_seq = intake.case_number_counters.last_seq + 1
       RETURNING last_seq`,
      [region, day],
    );
    return formatCaseNo(region, day, row!.last_seq);
  }
}
