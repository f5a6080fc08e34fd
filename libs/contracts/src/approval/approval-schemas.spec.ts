import { AppError } from '../errors.js';
import { checkCommand, commandProblems } from '../check-command.js';
import { AssignTaskSchema } from './assign-task.schema.js';
import { BulkTasksSchema } from './bulk-tasks.schema.js';
import { CreateDelegationSchema, RevokeDelegationSchema } from './delegation.schema.js';
import { ExtendTaskSchema } from './extend-task.schema.js';
import { RecordOpinionSchema } from './opinion.schema.js';
import { RecordFindingsSchema, ScheduleSurveySchema } from './site-survey.schema.js';
import { WorklistQuerySchema } from './worklist.schema.js';

const taskId = '0190a000-0000-7000-8000-000000000001';
const problemsOf = (schema: new () => object, data: unknown) => commandProblems(schema, data).problems.map((p) => `${p.field}:${p.rule}`);

describe('the approval commands, one schema each (the gateway DTO extends the body part)', () => {
  it('answers a task id that cannot be one as the gateway never could: 422, taskId isUuid', () => {
    try {
      checkCommand(AssignTaskSchema, { taskId: 'abc', assignee: null, reason: '换人' });
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(422);
      expect((e as AppError).details).toEqual({ problems: [{ field: 'taskId', rule: 'isUuid', message: 'taskId must be the id of a review task.' }] });
    }
    expect(problemsOf(ExtendTaskSchema, { taskId: 'abc', workingDays: 3, reason: '核查' })).toEqual(['taskId:isUuid']);
  });

  it('lists every problem of a command at once, the command-only fields first', () => {
    expect(problemsOf(AssignTaskSchema, { taskId, assignee: 'no one', reason: ' ' })).toEqual(['assignee:matches', 'reason:matches']);
    expect(problemsOf(AssignTaskSchema, { taskId, assignee: null, reason: '人员调整', assigneeDepartment: null })).toEqual([]);
    expect(problemsOf(ExtendTaskSchema, { workingDays: 0 })).toEqual(['taskId:isDefined', 'workingDays:min', 'reason:isDefined']);
    expect(problemsOf(RecordOpinionSchema, { caseNo: 'a/b', opinion: '' })).toEqual(['caseNo:matches', 'opinion:matches', 'opinion:isNotEmpty']);
    expect(problemsOf(ScheduleSurveySchema, { caseNo: 'C1', at: 'soon', place: 'x', departments: ['NRB', 'NRB'] })).toEqual(['at:isIso8601', 'departments:arrayUnique']);
    expect(problemsOf(RecordFindingsSchema, { surveyId: 'x', findings: '一致' })).toEqual(['surveyId:isUuid']);
    expect(problemsOf(RevokeDelegationSchema, { department: 'nrb', delegationId: taskId })).toEqual(['department:matches']);
    expect(problemsOf(CreateDelegationSchema, { department: 'NRB', backupUser: 'b', from: '2026-11-23T00:00:00+08:00', to: '2026-11-27T23:59:59+08:00', reason: '年假' })).toEqual([]);
  });

  it('asks a bulk assignment for its assignee (null: the whole department) and no reason', () => {
    expect(problemsOf(BulkTasksSchema, { action: 'ASSIGN', taskIds: [taskId] })).toEqual(['assignee:isDefined']);
    expect(problemsOf(BulkTasksSchema, { action: 'ASSIGN', taskIds: [taskId], assignee: null, assigneeDepartment: null })).toEqual([]);
    expect(problemsOf(BulkTasksSchema, { action: 'APPROVE', taskIds: [taskId, taskId] })).toEqual(['taskIds:arrayUnique']);
  });

  it('checks the worklist query with who asks, and reads true/false as the gateway does', () => {
    expect(problemsOf(WorklistQuerySchema, { status: 'DONE' })).toEqual(['actor:isDefined', 'status:isIn']);
    const q = checkCommand(WorklistQuerySchema, { actor: { id: 'rep.nrb', role: 'CHIEF_REP' }, overdue: 'true', limit: '20' });
    expect([q.overdue, q.limit]).toEqual([true, 20]);
  });
});
