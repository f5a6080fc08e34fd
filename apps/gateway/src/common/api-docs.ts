import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse } from '@nestjs/swagger';

type ErrorExample = { code: string; message: string } & Record<string, unknown>;

const DEFAULTS: Record<number, { description: string; example: ErrorExample }> = {
  400: {
    description: 'The request is malformed: every problem is listed.',
    example: {
      code: 'REQUEST.INVALID',
      message: 'The request has 2 problem(s); every one is listed.',
      problems: [
        { field: 'applicant.idType', rule: 'isIn', message: 'idType must be one of the following values: ID_CARD, USCC' },
        { field: 'delivery.postalAddress', rule: 'isDefined', message: 'postalAddress is required for a COURIER delivery' },
      ],
    },
  },
  401: { description: 'No token, or a bad or expired one.', example: { code: 'AUTH.UNAUTHENTICATED', message: 'Log in first: send "Authorization: Bearer <token>".' } },
  403: { description: 'Logged in, but not in a role allowed here.', example: { code: 'AUTH.FORBIDDEN', message: 'This needs one of the roles CLERK.' } },
  404: { description: 'Not found.', example: { code: 'CASE.NOT_FOUND', message: 'No case 510704202611230000427.' } },
  409: {
    description: 'Conflict with the current state, or the same Idempotency-Key is still running.',
    example: { code: 'IDEMPOTENCY.IN_PROGRESS', message: 'A request with this Idempotency-Key is still running; retry shortly.' },
  },
  422: {
    description: 'Well-formed but refused by the service (every problem listed), or an Idempotency-Key reused for another request.',
    example: { code: 'IDEMPOTENCY.KEY_REUSED', message: 'This Idempotency-Key was already used for a different request.' },
  },
  429: { description: 'Rate limited per client IP (per replica).', example: { code: 'REQUEST.RATE_LIMITED', message: 'Too many requests; try again in 12 s.', retryAfterSeconds: 12 } },
  503: {
    description: 'A service needed for the answer is not answering; safe to retry (with the same Idempotency-Key).',
    example: { code: 'SERVICE.UNAVAILABLE', message: 'The intake service is not answering; try again shortly.', service: 'intake' },
  },
};

/** Documents the error answers of an endpoint; `overrides` gives the endpoint's own code for a status. */
export function ApiErrors(statuses: number[], overrides: Record<number, ErrorExample> = {}) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: DEFAULTS[status]?.description, example: overrides[status] ?? DEFAULTS[status]?.example })),
  );
}

/** A staff endpoint: bearer token, and the 401/403 that come with it. */
export function ApiStaff() {
  return applyDecorators(ApiBearerAuth(), ApiErrors([401, 403]));
}

/** A state-changing POST: retries with the same key get the first answer back. */
export function ApiIdempotent() {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (e.g. a UUID) per intended action. A retry with the same key and body returns the first answer; ' +
        'the same key with another body → 422 IDEMPOTENCY.KEY_REUSED; while the first is still running → 409 IDEMPOTENCY.IN_PROGRESS.',
    }),
    ApiErrors([409, 422]),
  );
}
