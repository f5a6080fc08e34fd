import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '#libs/contracts';
import { newId, UnitOfWork, type Tx } from '#libs/messaging';
import { SuspensionRepository } from '../supplement/suspension.repository.js';
import { WorkflowRepository } from '../workflow/workflow.repository.js';
import { CaseViewRepository } from './case-view.repository.js';
import { OWNER_PARTS } from './parts.js';
import { partsOfEvent } from './stale-parts.js';
import { workflowPart } from './workflow-part.js';

/**
 * Keeps routing.case_views in step with the events routing handles. Called for every event, after its handler, in the
 * handler's transaction (CaseViewInterceptor): routing's own part is rewritten from its rows as the handler left them,
 * so the status, deadlines and suspensions the view shows commit with the change itself; the parts of other owners
 * the event changed are marked stale, to be fetched from their owner on the next read.
 */
@Injectable()
export class CaseViewProjection {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly workflows: WorkflowRepository,
    private readonly suspensions: SuspensionRepository,
    private readonly views: CaseViewRepository,
  ) {}

  async apply(tx: Tx, e: EventEnvelope): Promise<void> {
    // Every handler has locked (or made) the workflow already: this only reads it back, after the change.
    const wf = await this.workflows.lock(tx.manager, e.caseNo);
    const suspensions = await this.suspensions.ofCase(tx.manager, e.caseNo);
    await this.views.apply(tx.manager, { caseNo: e.caseNo, workflow: workflowPart(wf, suspensions), at: e.occurredAt, marks: partsOfEvent(e.type), mark: e.id });
  }

  /**
   * A case routing started before the view existed gets its row on its first read (routing's part from its rows,
   * every other part stale); false when routing has no workflow for the case (it has not picked it up yet).
   */
  async addMissing(caseNo: string): Promise<boolean> {
    if (!(await this.workflows.find(caseNo))) return false;
    await this.uow.run({ actor: { id: 'routing', role: 'SYSTEM' } }, async (tx) => {
      // Locked as an event's handler locks it, so no change of the workflow slips in between this read and the insert.
      const wf = await this.workflows.lock(tx.manager, caseNo);
      const suspensions = await this.suspensions.ofCase(tx.manager, caseNo);
      await this.views.addMissing(tx.manager, { caseNo, workflow: workflowPart(wf, suspensions), at: wf.updated_at, marks: OWNER_PARTS, mark: newId() });
    });
    return true;
  }
}
