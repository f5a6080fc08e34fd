import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppError, ErrorCodes, type Problem } from './errors.js';
import { flattenValidationErrors } from './validation-problems.js';

/**
 * Checks a command's data with the very schema the gateway checked the request body with, so the service does not
 * restate its rules and a caller that skipped the gateway is refused (422) with the problems the gateway would list.
 * Anything that is not an object counts as an empty one: every required field is then reported missing.
 */
export function checkCommand<T extends object>(schema: new () => T, data: unknown, code: string = ErrorCodes.VALIDATION): T {
  const { value, problems } = commandProblems(schema, data);
  if (problems.length) throw AppError.invalid(code, problems);
  return value;
}

/**
 * The same check without the throw, for a use case that answers some problems otherwise (an id that cannot be one is
 * a 404) or adds the problems of its own rules to the schema's, to list every one at once.
 */
export function commandProblems<T extends object>(schema: new () => T, data: unknown): { value: T; problems: Problem[] } {
  const input = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  const value = plainToInstance(schema, input);
  return { value, problems: flattenValidationErrors(validateSync(value)) };
}

/**
 * checkCommand for a whole Command: its data by the schema, and who acts (every command names its actor), with
 * every problem of both listed at once.
 */
export function checkActorCommand<T extends object>(schema: new () => T, cmd: { actor?: { id?: unknown } } | undefined, data: unknown): T {
  const { value, problems } = commandProblems(schema, data);
  if (typeof cmd?.actor?.id !== 'string' || cmd.actor.id === '') problems.push({ field: 'actor', rule: 'required', message: 'the acting user is required' });
  if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
  return value;
}
