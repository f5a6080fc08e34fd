import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppError, ErrorCodes } from './errors.js';
import { flattenValidationErrors } from './validation-problems.js';

/**
 * Checks a command's data with the very schema the gateway checked the request body with, so the service does not
 * restate its rules and a caller that skipped the gateway is refused (422) with the problems the gateway would list.
 * Anything that is not an object counts as an empty one: every required field is then reported missing.
 */
export function checkCommand<T extends object>(schema: new () => T, data: unknown): T {
  const input = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
  const instance = plainToInstance(schema, input);
  const errors = validateSync(instance);
  if (errors.length) throw AppError.invalid(ErrorCodes.VALIDATION, flattenValidationErrors(errors));
  return instance;
}
