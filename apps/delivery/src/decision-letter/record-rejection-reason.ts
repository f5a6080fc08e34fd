import { Injectable } from '@nestjs/common';
import type { EventEnvelope, TaskDecidedData } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { DecisionLetterRepository } from './decision-letter.repository.js';

/**
 * A department decided its review task: a REJECT is kept, as the department's reason for the decision letter. Kept
 * whenever it arrives (before or after the case's CaseRejected, or after the letter was issued: a parallel stage's
 * second rejection may come in after the first ended the case), so the printed letter lists every one. An upsert
 * on (case, stage, department): a redelivery or a duplicate writes the same row again.
 */
@Injectable()
export class RecordRejectionReason {
  constructor(private readonly letters: DecisionLetterRepository) {}

  async execute(tx: Tx, e: EventEnvelope<TaskDecidedData>): Promise<void> {
    if (e.data.decision !== 'REJECT') return;
    await this.letters.recordDecision(tx.manager, {
      caseNo: e.caseNo,
      stage: e.data.stage,
      department: e.data.department,
      taskId: e.data.taskId,
      opinion: e.data.opinion,
      decidedAt: e.occurredAt,
    });
  }
}
