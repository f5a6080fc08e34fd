import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import {
  Events,
  Rpc,
  type Actor,
  type CaseAcceptedData,
  type CaseQuery,
  type CaseView,
  type EventEnvelope,
  type StageOpenedData,
  type TaskView,
} from '#libs/contracts';
import type { EventContext, RequestContext } from './nats-server.js';
import { OnEvent } from './on-event.js';
import { OnRpc } from './on-rpc.js';
import type { RpcClient } from './rpc-client.js';
import type { Tx } from './unit-of-work.js';

// The functions and classes below are never run: they are here for the compiler. Each `@ts-expect-error` line is a
// wrong payload or signature that must not compile; if one ever did, its directive would be unused (TS2578) and the
// last test here (and `npm run typecheck`) would fail.

export function emitChecks(tx: Tx): void {
  tx.emit(Events.TaskCancelled, 'C1', { taskId: 't1', stage: 1, department: 'TAX', reason: 'case withdrawn' });
  // @ts-expect-error: a TaskCancelled event without its reason
  tx.emit(Events.TaskCancelled, 'C1', { taskId: 't1', stage: 1, department: 'TAX' });
  // @ts-expect-error: a field of the wrong type (stage is a number)
  tx.emit(Events.StageCompleted, 'C1', { stage: '1' });
  // @ts-expect-error: an event type that is not in Events
  tx.emit('intake.case.misspelt.v1', 'C1', {});
}

export async function rpcChecks(rpc: RpcClient, actor: Actor): Promise<void> {
  const decided: TaskView = await rpc.request(Rpc.approval.decide, { actor, data: { taskId: 't1', decision: 'APPROVE', opinion: '' } });
  // @ts-expect-error: a decision that is not one
  await rpc.request(Rpc.approval.decide, { actor, data: { taskId: 't1', decision: 'MAYBE', opinion: '' } });
  // @ts-expect-error: a command without the actor the gateway must fill in
  await rpc.request(Rpc.approval.decide, { data: { taskId: 't1', decision: 'APPROVE', opinion: '' } });
  // @ts-expect-error: the answer is the case's tasks, not a case
  const wrongReply: CaseView = await rpc.request(Rpc.approval.tasksOfCase, { caseNo: 'C1' });
  // @ts-expect-error: a subject that is not in Rpc
  await rpc.request('rpc.approval.task.undo', {});
}

export class HandlerChecks {
  @OnEvent(Events.StageOpened)
  async opened(e: EventEnvelope<StageOpenedData>, ctx: EventContext): Promise<void> {}

  /** A handler of every event type (the timeline) may take any envelope. */
  @OnEvent(Events.StageOpened)
  anyEvent(e: EventEnvelope<unknown>): void {}

  // @ts-expect-error: a StageOpened handler written for CaseAccepted's data
  @OnEvent(Events.StageOpened)
  wrongEvent(e: EventEnvelope<CaseAcceptedData>, ctx: EventContext): void {}

  @OnRpc(Rpc.approval.tasksOfCase)
  async tasks(q: CaseQuery, ctx: RequestContext): Promise<TaskView[]> {
    return [];
  }

  // @ts-expect-error: one task is not the list the caller waits for
  @OnRpc(Rpc.approval.tasksOfCase)
  wrongAnswer(q: CaseQuery): TaskView {
    throw new Error(q.caseNo);
  }

  // @ts-expect-error: a handler that needs more than the caller sends
  @OnRpc(Rpc.approval.tasksOfCase)
  async wrongRequest(q: CaseQuery & { department: string }): Promise<TaskView[]> {
    return [];
  }
}

/** What Nest's own decorators would have registered, for comparison. */
class NestDeclared {
  @MessagePattern(Rpc.approval.tasksOfCase)
  tasks(): void {}

  @EventPattern(Events.StageOpened)
  opened(data: unknown): void {}
}

const metadataOf = (fn: object) => Object.fromEntries(Reflect.getMetadataKeys(fn).map((k) => [String(k), Reflect.getMetadata(k, fn)]));

describe('the typed messaging decorators', () => {
  it('register a handler exactly as @MessagePattern and @EventPattern do', () => {
    expect(metadataOf(HandlerChecks.prototype.tasks)).toEqual(metadataOf(NestDeclared.prototype.tasks));
    expect(metadataOf(HandlerChecks.prototype.opened)).toEqual(metadataOf(NestDeclared.prototype.opened));
  });
});

describe('the typed messaging contract', () => {
  // Jest transpiles without type checking (isolatedModules), so the compiler is run here on this very file.
  it('refuses every wrong payload and signature above, and only those', () => {
    const file = fileURLToPath(import.meta.url);
    const config = ts.getParsedCommandLineOfConfigFile(fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    })!;
    const program = ts.createProgram({ rootNames: [file], options: { ...config.options, noEmit: true } });
    const source = program.getSourceFile(file)!;
    const problems = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
      (d) => `line ${source.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
    expect(problems).toEqual([]);
  });
});
