import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AppError,
  ErrorCodes,
  Events,
  CaseStatus,
  type FeeEstimate,
  type AcceptCaseReply,
  type AcceptCaseRequest,
  type CaseAcceptedData,
  type Command,
  type DecidingAuthority,
  type ImmediateDecision,
  type MaterialRef,
  type NoticeMaterial,
  type Problem,
  type SealedPersonalData,
  type ServiceItem,
} from '#libs/contracts';
import { shanghaiDate, toShanghai, WorkingCalendar } from '#libs/calendar';
import type { ServiceConfig } from '#libs/config';
import { PiiKeyring } from '#libs/crypto';
import { applicantCategoriesOf, assessFees, FeeRuleError, totalFen } from '#libs/fee-rules';
import { UnitOfWork } from '#libs/messaging';
import { isUniqueViolation } from '#libs/persistence';
import { SERVICE_CONFIG } from '#libs/platform';
import { CaseNumberRepository } from '../case/case-number.repository.js';
import { CaseRepository } from '../case/case.repository.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { CenterRepository, type Center } from '../catalog/center.repository.js';
import { OneTimeNotices } from '../one-time-notice/one-time-notices.js';
import { acceptanceOutcome } from './acceptance-outcome.js';
import { checkApplication, checkImmediateDecision, type MissingMaterial } from './acceptance-rules.js';

/**
 * 受理: checks the application whole, then either issues the one-time notice (nothing accepted), or numbers the case
 * and records it with its acceptance event in one commit: plainly, tolerantly with materials pending (容缺受理),
 * decided on the spot by the department's chief representative (即办件), or for a higher authority (上报件).
 */
@Injectable()
export class AcceptCase {
  private readonly logger = new Logger(AcceptCase.name);

  private readonly calendar = WorkingCalendar.official();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly caseNumbers: CaseNumberRepository,
    private readonly catalog: CatalogRepository,
    private readonly centers: CenterRepository,
    private readonly notices: OneTimeNotices,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly keyring: PiiKeyring,
  ) {}

  async execute(cmd: Command<AcceptCaseRequest>, correlationId: string): Promise<AcceptCaseReply> {
    // Repeats are answered by the gateway's idempotency store; the unique request_id below is only the backstop for a
    // repeat that gets past it (its claim freed after a timeout, a caller without the gateway): found on commit, not looked
    // up first; such a repeat leaves the case number it allocated unused (a gap in the day's sequence).
    const req = cmd.data;
    const item = await this.catalog.getItem(req.itemCode);
    const center = await this.centers.find(req.centerCode);
    const { problems, missing } = checkApplication(item, req);
    if (!center) problems.unshift({ field: 'centerCode', rule: 'knownCenter', message: `no service center ${req.centerCode}` });
    problems.push(...(await this.pickupCenterProblems(req)));
    const immediate = checkImmediateDecision(item, cmd.actor, req.decideNow);
    if (immediate.forbidden) throw AppError.forbidden(immediate.forbidden.code, immediate.forbidden.message);
    problems.push(...immediate.problems);
    if (problems.length) throw AppError.invalid(ErrorCodes.CASE_INVALID, problems);

    const outcome = acceptanceOutcome(missing, req.tolerant);
    if (outcome.kind === 'NOTICE') throw await this.oneTimeNotice(cmd, item, outcome.missing);

    const acceptedAt = new Date();
    const promised = this.calendar.deadline(acceptedAt, item.promisedDays);
    const legal = this.calendar.deadline(acceptedAt, item.legalDays);
    const pending = outcome.kind === 'ACCEPT_TOLERANT' ? outcome.pending.map(pendingRef) : [];
    const pendingDue = pending.length ? this.calendar.deadline(acceptedAt, this.config.intakeTolerantDays) : undefined;
    const caseNo = await this.caseNumbers.allocate(center!.region.slice(0, 6), shanghaiDate(acceptedAt));
    const applicant = { ...req.applicant, idNumber: req.applicant.idNumber.toUpperCase() };
    const delivery = req.delivery.method === 'WINDOW' ? { ...req.delivery, pickupCenter: req.delivery.pickupCenter ?? req.centerCode } : req.delivery;
    const materials = item.materials.map((m) => materialRecord(m, req.materials.find((p) => p.code === m.code)));
    const immediateDecision: ImmediateDecision | undefined = req.decideNow && {
      decision: req.decideNow.decision,
      opinion: req.decideNow.opinion?.trim() ?? '',
      decidedBy: cmd.actor.id,
      department: cmd.actor.department!,
      decidedAt: acceptedAt.toISOString(),
    };
    const decidingAuthority = await this.decidingAuthority(item);
    const feeEstimate = this.estimateFees(item, req);

    const estimated = [promised, legal, ...(pendingDue ? [pendingDue] : [])].filter((d) => d.estimated);
    const reply: AcceptCaseReply = {
      caseNo,
      status: CaseStatus.ACCEPTED,
      acceptedAt: toShanghai(acceptedAt)!,
      promisedDeadline: toShanghai(promised.at)!,
      legalDeadline: toShanghai(legal.at)!,
      ...(estimated.length ? { deadlineEstimated: true, estimatedYears: [...new Set(estimated.flatMap((d) => d.estimatedYears))] } : {}),
      ...(pending.length ? { pendingMaterials: pending, pendingDueAt: toShanghai(pendingDue!.at)! } : {}),
      ...(immediateDecision ? { decision: immediateDecision.decision } : {}),
      ...(decidingAuthority ? { decidingAuthority } : {}),
      ...(feeEstimate ? { feeEstimate } : {}),
    };

    try {
      await this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      await this.cases.add(tx.manager, {
        caseNo, itemCode: item.code, itemVersion: item.version, itemName: item.name, caseType: item.caseType, centerCode: req.centerCode,
        status: CaseStatus.ACCEPTED, applicant, materials, form: req.form ?? {}, delivery,
        acceptedAt, acceptedBy: cmd.actor.id, promisedDeadline: promised.at, legalDeadline: legal.at,
        pendingMaterials: pending, pendingDueAt: pendingDue?.at ?? null, decidingAuthority, immediateDecision,
        requestId: cmd.requestId ?? null, reply,
      });
      const data: CaseAcceptedData = {
        itemCode: item.code,
        itemVersion: item.version ?? 1,
        itemName: item.name,
        caseType: item.caseType,
        centerCode: req.centerCode,
        // Routing and fees need no personal data: the applicant's type and the delivery method go in clear; the
        // holder and the contact only delivery needs travel sealed with the personal-data key (kept 30 days in JetStream).
        applicant: { type: applicant.type },
        form: req.form ?? {},
        delivery: { method: delivery.method, ...(delivery.pickupCenter ? { pickupCenter: delivery.pickupCenter } : {}) },
        sealedPersonalData: this.keyring.sealJson({ applicant, delivery } satisfies SealedPersonalData),
        reviewPlan: item.reviewPlan,
        fees: item.fees,
        ...(item.formFields?.length ? { formFields: item.formFields } : {}),
        results: item.results,
        legalDays: item.legalDays,
        promisedDays: item.promisedDays,
        acceptedAt: acceptedAt.toISOString(),
        promisedDeadline: promised.at.toISOString(),
        legalDeadline: legal.at.toISOString(),
        ...(pending.length ? { pendingMaterials: pending, pendingDueAt: pendingDue!.at.toISOString() } : {}),
        ...(immediateDecision ? { immediateDecision } : {}),
        ...(decidingAuthority ? { decidingAuthority } : {}),
        ...(item.jointSiteSurvey ? { jointSiteSurvey: true } : {}),
      };
      tx.emit(Events.CaseAccepted, caseNo, data);
      });
    } catch (e) {
      // The same request raced itself (a retry while the first was still running): the first one's case stands.
      const first = cmd.requestId && isUniqueViolation(e, 'cases_request_id_key') ? await this.cases.replyTo(cmd.requestId) : undefined;
      if (first) return first;
      throw e;
    }
    return reply;

  }

  /** Stores the notice, then answers 422 with it: the applicant is told everything at once (一次性告知). */
  private async oneTimeNotice(cmd: Command<AcceptCaseRequest>, item: ServiceItem, missing: MissingMaterial[]): Promise<AppError> {
    const req = cmd.data;
    const listed: NoticeMaterial[] = missing.map((m) => ({
      code: m.code,
      name: m.name,
      reason: m.reason,
      ...(m.detail ? { detail: m.detail } : {}),
      tolerable: m.tolerable,
    }));
    const { type, name, idType, idNumber } = req.applicant;
    const notice = await this.notices.issue({ item, centerCode: req.centerCode, applicant: { type, name, idType, idNumber: idNumber.toUpperCase() }, missing: listed }, cmd.actor);
    return new AppError(ErrorCodes.CASE_MATERIALS_MISSING, 'Materials are missing or defective; nothing was accepted. The one-time notice lists every one.', 422, {
      notice: { noticeNo: notice.noticeNo, itemCode: notice.itemCode, itemName: notice.itemName, missing: notice.missing, issuedAt: notice.issuedAt },
      problems: missing.map<Problem>((m) => ({
        field: `materials.${m.code}`,
        rule: m.reason === 'MISSING' ? 'required' : 'notDefective',
        message: m.reason === 'MISSING' ? `${m.name} is required` : `${m.name} is defective${m.detail ? `: ${m.detail}` : ''}`,
      })),
    });
  }

  /** A window delivery may be collected at another center than the accepting one; it has to exist. */
  private async pickupCenterProblems(req: AcceptCaseRequest): Promise<Problem[]> {
    const pickup = req.delivery?.pickupCenter;
    if (pickup === undefined) return [];
    if (req.delivery.method !== 'WINDOW') return [{ field: 'delivery.pickupCenter', rule: 'onlyForWindow', message: 'pickupCenter goes with a WINDOW delivery' }];
    const known: Center | undefined = pickup === req.centerCode ? ({} as Center) : await this.centers.find(pickup);
    return known ? [] : [{ field: 'delivery.pickupCenter', rule: 'knownCenter', message: `no service center ${pickup}` }];
  }

  /** 上报件: accepted here, decided by the authority the item names (e.g. the county's civil affairs bureau). */
  /**
   * 预计收费, by the very function the fees service assesses the case with (#libs/fee-rules), on the same data. A rule
   * the catalog got wrong leaves the estimate out rather than the case unaccepted: fees will park that case's
   * assessment, where an operator sees it.
   */
  private estimateFees(item: ServiceItem, req: AcceptCaseRequest): FeeEstimate | undefined {
    try {
      const form = req.form ?? {};
      const lines = assessFees(item.fees ?? [], form, applicantCategoriesOf(form), item.formFields ?? []);
      return { lines, totalFen: totalFen(lines) };
    } catch (e) {
      if (!(e instanceof FeeRuleError)) throw e;
      this.logger.warn(`no fee estimate for ${item.code}: ${e.message}`);
      return undefined;
    }
  }

  private async decidingAuthority(item: ServiceItem): Promise<DecidingAuthority | undefined> {
    if (item.caseType !== 'REPORTED' || !item.decidedBy) return undefined;
    const departmentName = await this.catalog.departmentName(item.decidedBy.department);
    return { level: item.decidedBy.level, department: item.decidedBy.department, ...(departmentName ? { departmentName } : {}) };
  }
}

function pendingRef(m: MissingMaterial): MaterialRef {
  return { code: m.code, name: m.name, reason: m.reason === 'DEFECTIVE' ? `DEFECTIVE${m.detail ? `: ${m.detail}` : ''}` : 'MISSING' };
}

/** What the window received of one material: provided means handed in and usable. */
function materialRecord(spec: ServiceItem['materials'][number], given: AcceptCaseRequest['materials'][number] | undefined) {
  const defective = given?.defective === true;
  return {
    code: spec.code,
    name: spec.name,
    provided: given?.provided === true && !defective,
    ...(defective ? { defective: true, ...(given?.defectReason?.trim() ? { defectReason: given.defectReason.trim() } : {}) } : {}),
  };
}
