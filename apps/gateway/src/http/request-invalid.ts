import type { ValidationError } from 'class-validator';
import { AppError, ErrorCodes, type Problem } from '#libs/contracts';
import { flattenValidationErrors } from './validation-problems.js';

/**
 * The gateway's own "bad request" (the body never left the gateway). A class of its own, so the idempotency
 * interceptor can tell it from a service's 4xx: nothing ran, so the key stays free for the corrected request.
 */
export class RequestInvalid extends AppError {
  constructor(problems: Problem[]) {
    super(ErrorCodes.VALIDATION, `The request has ${problems.length} problem(s); every one is listed.`, 400, { problems });
  }

  static fromValidation(errors: ValidationError[]): RequestInvalid {
    return new RequestInvalid(flattenValidationErrors(errors));
  }
}
