import { fromShanghai } from '#libs/calendar';
import { AppError, checkCommand, ExtendTaskSchema } from '#libs/contracts';
import { extensionVerdict } from './extension-rules.js';

const taskId = '0190a000-0000-7000-8000-000000000001';
const at = (date: string, time = '23:59:59') => fromShanghai(date, time);
const open = {
  status: 'OPEN',
  extended: false,
  dueAt: at('2026-11-27'),
  newDueAt: at('2026-12-01'),
  legalDeadline: at('2027-01-05'),
  now: at('2026-11-24', '10:00:00'),
};

describe('extension (延期)', () => {
  it('checks a request with the shared schema and lists every problem at once', () => {
    expect(checkCommand(ExtendTaskSchema, { taskId, workingDays: 2, reason: ' 需现场核查 ' })).toMatchObject({ taskId, workingDays: 2, reason: ' 需现场核查 ' });
    try {
      checkCommand(ExtendTaskSchema, { taskId: 'x', workingDays: 0.5, reason: ' ' });
      throw new Error('expected a refusal');
    } catch (e) {
      expect((e as AppError).status).toBe(422);
      expect(((e as AppError).details as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual(['taskId', 'workingDays', 'reason']);
    }
  });

  it('allows one extension of an open task within the legal deadline', () => {
    expect(extensionVerdict(open)).toEqual({ ok: true });
    expect(extensionVerdict({ ...open, newDueAt: open.legalDeadline })).toEqual({ ok: true });
  });

  it('refuses a second extension, a task not open, and an overdue task with 409', () => {
    expect(extensionVerdict({ ...open, extended: true })).toMatchObject({ ok: false, status: 409, code: 'TASK.ALREADY_EXTENDED' });
    expect(extensionVerdict({ ...open, status: 'PAUSED' })).toMatchObject({ ok: false, status: 409, code: 'TASK.NOT_OPEN' });
    expect(extensionVerdict({ ...open, status: 'APPROVED' })).toMatchObject({ ok: false, status: 409, code: 'TASK.NOT_OPEN' });
    expect(extensionVerdict({ ...open, now: at('2026-11-28', '00:00:00') })).toMatchObject({ ok: false, status: 409, code: 'TASK.EXTENSION_TOO_LATE' });
  });

  it('refuses a due time past the legal deadline, or an unknown one, with 422', () => {
    expect(extensionVerdict({ ...open, newDueAt: at('2027-01-06') })).toMatchObject({ ok: false, status: 422, code: 'TASK.EXTENSION_BEYOND_LEGAL_LIMIT' });
    expect(extensionVerdict({ ...open, legalDeadline: undefined })).toMatchObject({ ok: false, status: 422 });
  });
});
