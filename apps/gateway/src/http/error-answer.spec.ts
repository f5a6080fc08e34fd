import { HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { AppError } from '#libs/contracts';
import { errorAnswer } from './error-answer.js';

describe('the HTTP answer for an error', () => {
  it("keeps a service's code, status and details, flattened into the body", () => {
    const e = AppError.invalid('CASE.INVALID', [{ field: 'applicant.idNumber', rule: 'gb11643', message: 'bad check digit' }]);
    expect(errorAnswer(e)).toEqual({
      status: 422,
      body: { code: 'CASE.INVALID', message: e.message, problems: [{ field: 'applicant.idNumber', rule: 'gb11643', message: 'bad check digit' }] },
    });
  });

  it('keeps the cause of an unavailable service (a NATS subject) out of the answer', () => {
    const e = new AppError('SERVICE.UNAVAILABLE', 'The intake service is not answering.', 503, { service: 'intake', cause: "no responders: 'ow.rpc.intake.case.get'" });
    expect(errorAnswer(e)!.body).toEqual({ code: 'SERVICE.UNAVAILABLE', message: 'The intake service is not answering.', service: 'intake' });
  });

  it('does not let details overwrite the code or the message', () => {
    expect(errorAnswer(new AppError('X.Y', 'real', 409, { code: 'FAKE', message: 'fake' }))!.body).toMatchObject({ code: 'X.Y', message: 'real' });
  });

  it("keeps a Nest HttpException's status with a code of its own", () => {
    expect(errorAnswer(new NotFoundException('Cannot GET /api/v1/nope'))).toEqual({ status: 404, body: { code: 'ROUTE.NOT_FOUND', message: 'Cannot GET /api/v1/nope' } });
    expect(errorAnswer(new PayloadTooLargeException())!.status).toBe(413);
  });

  it('passes a replayed answer through unchanged', () => {
    const stored = { code: 'TASK.ALREADY_DECIDED', message: 'already decided' };
    expect(errorAnswer(new HttpException(stored, 409))).toEqual({ status: 409, body: stored });
  });

  it('has no answer for anything else: that is a 500 with an error id', () => {
    expect(errorAnswer(new TypeError('x is undefined'))).toBeNull();
  });
});
