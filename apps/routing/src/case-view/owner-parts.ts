import { Injectable } from '@nestjs/common';
import { Rpc } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { deliveriesPart, intakePart, plain, taskPart, type FetchedValues, type PartName } from './parts.js';

/** An owner's answer, or `ok: false` when it did not answer in time (or failed). */
export type Answer<P extends PartName = PartName> = { ok: true; value: FetchedValues[P] } | { ok: false };

/**
 * Asks the owners for their parts of a case over their existing queries, as the gateway used to on every view.
 * Each waits at most `timeoutMs` (the gateway's CASE_PART_TIMEOUT_MS, sent with the request; below the gateway's RPC
 * timeout to routing), so one owner that hangs leaves its part last known and named in `degraded`. Reads of one case
 * that need the same part under the same rev at the same time share one question.
 */
@Injectable()
export class OwnerParts {
  private readonly asking = new Map<string, Promise<Answer>>();

  constructor(private readonly rpc: RpcClient) {}

  async fetch(caseNo: string, wanted: { part: PartName; rev: string }[], opts: { correlationId: string; timeoutMs: number }): Promise<Map<PartName, Answer>> {
    const answers = await Promise.all(wanted.map((w) => this.shared(caseNo, w.part, w.rev, opts)));
    return new Map(wanted.map((w, i) => [w.part, answers[i]]));
  }

  private shared(caseNo: string, part: PartName, rev: string, opts: { correlationId: string; timeoutMs: number }): Promise<Answer> {
    const key = `${caseNo}\u0000${part}\u0000${rev}`;
    let answer = this.asking.get(key);
    if (!answer) {
      answer = this.ask(caseNo, part, opts).finally(() => this.asking.delete(key));
      this.asking.set(key, answer);
    }
    return answer;
  }

  private async ask(caseNo: string, part: PartName, opts: { correlationId: string; timeoutMs: number }): Promise<Answer> {
    const q = { caseNo };
    try {
      switch (part) {
        case 'intake':
          return { ok: true, value: intakePart(await this.rpc.request(Rpc.intake.getCase, q, opts)) };
        case 'tasks':
          // A 404 from an owner that has not heard of the case yet means "nothing there", not "down".
          return { ok: true, value: ((await this.rpc.requestOptional(Rpc.approval.tasksOfCase, q, opts)) ?? []).map(taskPart) };
        case 'opinions':
          return { ok: true, value: plain((await this.rpc.requestOptional(Rpc.approval.opinionsOfCase, q, opts)) ?? []) };
        case 'notice':
          return { ok: true, value: plain((await this.rpc.requestOptional(Rpc.fees.noticeOfCase, q, opts)) ?? null) };
        case 'deliveries':
          return { ok: true, value: deliveriesPart((await this.rpc.requestOptional(Rpc.delivery.deliveriesOfCase, q, opts)) ?? []) };
      }
    } catch {
      return { ok: false };
    }
  }
}
