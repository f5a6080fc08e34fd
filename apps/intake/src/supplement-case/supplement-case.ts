import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, Events, type CaseSupplementedData, type Command, type Problem, type SupplementReply, type SupplementRequest } from '#libs/contracts';
import { newId, UnitOfWork } from '#libs/messaging';
import { CaseRepository } from '../case/case.repository.js';
import { CLOSED_STATUSES } from '../case/closed-statuses.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { checkSupplied, pendingAfter } from './supplied-materials.js';

export const NOTE_MAX_LENGTH = 1000;

/**
 * 补正 / 补齐: materials arrive at the window after acceptance, owed under tolerant acceptance or asked for by a
 * department. Intake records them and says what is still owed; routing resumes the clock and delivery releases a
 * held issuance from the CaseSupplemented event.
 */
@Injectable()
export class SupplementCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  async execute(cmd: Command<SupplementRequest>, correlationId: string): Promise<SupplementReply> {
    const req = cmd.data;
    const caseNo = String(req?.caseNo ?? '');
    const note = typeof req?.note === 'string' && req.note.trim() ? req.note.trim() : undefined;
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      const c = await this.cases.get(tx.manager, caseNo, { forUpdate: true });
      if (CLOSED_STATUSES.includes(c.status)) {
        throw AppError.conflict(ErrorCodes.CASE_CLOSED, `Case ${caseNo} is ${c.status}; nothing more is handed in for it.`, { status: c.status });
      }
      const item = await this.catalog.getItemVersion(tx.manager, c.item_code, c.item_version);
      const { problems, materials } = checkSupplied(item, req?.materials);
      if (req?.note !== undefined && typeof req.note !== 'string') problems.push({ field: 'note', rule: 'isString', message: 'note must be text' });
      if (note && note.length > NOTE_MAX_LENGTH) problems.push({ field: 'note', rule: 'maxLength', message: `note must be at most ${NOTE_MAX_LENGTH} characters` } satisfies Problem);
      if (problems.length) throw AppError.invalid(ErrorCodes.SUPPLEMENT_INVALID, problems);

      const pendingLeft = pendingAfter(c.pending_materials ?? [], materials);
      const supplied = new Set(materials.flatMap((m) => (m.code ? [m.code] : [])));
      const caseMaterials = c.materials.map((m) => (supplied.has(m.code) ? { code: m.code, name: m.name, provided: true } : m));
      const receivedAt = new Date();
      const supplementId = newId();
      await this.cases.recordSupplement(
        tx.manager,
        { id: supplementId, caseNo, materials, note: note ?? null, pendingLeft, receivedAt, receivedBy: cmd.actor.id },
        caseMaterials,
      );
      const data: CaseSupplementedData = { supplementId, materials, ...(note ? { note } : {}), pendingLeft };
      tx.emit(Events.CaseSupplemented, caseNo, data);
      return { supplementId, caseNo, materials, ...(note ? { note } : {}), pendingLeft, receivedAt: toShanghai(receivedAt)! };
    });
  }
}
