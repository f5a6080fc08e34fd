import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { Events, type CaseAcceptedData, type EventEnvelope, type ImmediateDecision } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import { Clocks } from '../clock/clocks.js';
import { TimelineRepository } from '../timeline/timeline.repository.js';
import { firstStage } from '../workflow/stage-join.js';
import { WorkflowTransitions } from '../workflow/workflow-transitions.js';
import { WorkflowRepository } from '../workflow/workflow.repository.js';

/** A case was accepted at the window: its workflow starts and the first stage's departments get their tasks. */
@Injectable()
export class StartWorkflow {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly workflows: WorkflowRepository,
    private readonly timeline: TimelineRepository,
    private readonly clocks: Clocks,
    private readonly transitions: WorkflowTransitions,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<CaseAcceptedData>): Promise<void> {
    const d = e.data;
    const created = await this.workflows.add(tx.manager, {
      caseNo: e.caseNo,
      itemCode: d.itemCode,
      itemName: d.itemName,
      plan: d.reviewPlan ?? [],
      acceptedAt: d.acceptedAt,
      promisedDeadline: d.promisedDeadline,
      legalDeadline: d.legalDeadline,
      jointSiteSurvey: d.jointSiteSurvey === true,
    });
    await this.timeline.record(tx.manager, e);
    // Already started under another event id: opening the stage again would hand out duplicate tasks.
    if (!created) return;
    await this.clocks.startCaseClock(tx.manager, created, this.config.warningThreshold);
    const first = firstStage(created.plan);
    // A plan without review stages has nothing left to decide once the window accepted it.
    // 即办件: the stage opens carrying the decision the chief representative took at the window; approval records it.
    if (first) await this.transitions.openStage(d.immediateDecision ? withImmediateDecision(tx, d.immediateDecision) : tx, created, first, this.config.warningThreshold);
    else await this.transitions.approveCase(tx, created);
  }
}

/** The same transaction, with the window's decision added to the StageOpened event that openStage emits. */
function withImmediateDecision(tx: Tx, immediateDecision: ImmediateDecision): Tx {
  return {
    manager: tx.manager,
    meta: tx.meta,
    emit: (type, caseNo, data, actor) => tx.emit(type, caseNo, type === Events.StageOpened ? { ...data, immediateDecision } : data, actor),
  };
}
