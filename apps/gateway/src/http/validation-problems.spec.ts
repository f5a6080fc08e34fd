import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { AppError } from '#libs/contracts';
import { AcceptCaseDto, ACCEPT_CASE_EXAMPLE } from '../cases/dto/accept-case.dto.js';
import { DecideTaskDto } from '../tasks/dto/decide-task.dto.js';
import { RequestInvalid } from './request-invalid.js';
import { flattenValidationErrors } from './validation-problems.js';

const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: RequestInvalid.fromValidation });

async function problemsOf(metatype: new () => object, body: unknown) {
  try {
    await pipe.transform(body, { type: 'body', metatype });
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(400);
    expect((e as AppError).code).toBe('REQUEST.INVALID');
    return ((e as AppError).details as { problems: { field: string; rule: string }[] }).problems;
  }
  throw new Error('expected the body to be refused');
}

describe('flattening validation errors', () => {
  it('gives nested problems their dotted path, array indexes included', () => {
    const errors: ValidationError[] = [
      { property: 'itemCode', constraints: { isString: 'itemCode must be a string' }, children: [] },
      {
        property: 'materials',
        children: [{ property: '1', children: [{ property: 'provided', constraints: { isBoolean: 'provided must be a boolean value' }, children: [] }] }],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'itemCode', rule: 'isString', message: 'itemCode must be a string' },
      { field: 'materials.1.provided', rule: 'isBoolean', message: 'provided must be a boolean value' },
    ]);
  });

  it('keeps every rule a present value broke', () => {
    const problems = flattenValidationErrors([{ property: 'code', value: 'M 1', constraints: { matches: 'a', maxLength: 'b' }, children: [] }]);
    expect(problems.map((p) => p.rule)).toEqual(['matches', 'maxLength']);
  });

  it('reports a missing field once, as required, keeping a message written for it', () => {
    expect(
      flattenValidationErrors([
        { property: 'itemCode', value: undefined, constraints: { maxLength: 'x', isNotEmpty: 'itemCode should not be empty', isString: 'y' }, children: [] },
        { property: 'address', value: undefined, constraints: { isNotEmpty: 'address is required for a COURIER delivery', isString: 'y' }, children: [] },
      ]),
    ).toEqual([
      { field: 'itemCode', rule: 'isDefined', message: 'itemCode is required' },
      { field: 'address', rule: 'isDefined', message: 'address is required for a COURIER delivery' },
    ]);
  });

  it('leaves out size rules when the value has the wrong type', () => {
    const problems = flattenValidationErrors([
      { property: 'materials', value: 'x', constraints: { arrayMaxSize: 'a', isArray: 'materials must be an array', nestedValidation: 'b' }, children: [] },
    ]);
    expect(problems).toEqual([{ field: 'materials', rule: 'isArray', message: 'materials must be an array' }]);
  });
});

describe('the request body of POST /cases', () => {
  it('accepts the documented example', async () => {
    await expect(pipe.transform(structuredClone(ACCEPT_CASE_EXAMPLE), { type: 'body', metatype: AcceptCaseDto })).resolves.toBeInstanceOf(AcceptCaseDto);
  });

  it('lists every problem in one answer, nested ones and unknown fields included', async () => {
    const problems = await problemsOf(AcceptCaseDto, {
      itemCode: '',
      applicant: { type: 'ALIEN', name: '张三', idType: 'ID_CARD', idNumber: '1', phone: '1', nickname: 'x' },
      materials: [{ code: 'M01', provided: 'yes' }],
      delivery: { method: 'COURIER' },
      extra: true,
    });
    expect(problems.map((p) => `${p.field}:${p.rule}`).sort()).toEqual(
      [
        'itemCode:isNotEmpty',
        'centerCode:isDefined',
        'applicant.type:isIn',
        'applicant.nickname:whitelistValidation',
        'materials.0.provided:isBoolean',
        'delivery.postalAddress:isDefined',
        'extra:whitelistValidation',
      ].sort(),
    );
  });

  it('names an unknown province, and still takes the deprecated free-text address', async () => {
    const mars = { ...structuredClone(ACCEPT_CASE_EXAMPLE), delivery: { method: 'COURIER', phone: '13812345678', postalAddress: { province: '火星省', city: '绵阳市', district: '游仙区', detail: '1 号' } } };
    const problems = await problemsOf(AcceptCaseDto, mars);
    expect(problems.map((p) => `${p.field}:${p.rule}`)).toEqual(['delivery.postalAddress.province:isProvince']);
    const legacy = { ...structuredClone(ACCEPT_CASE_EXAMPLE), delivery: { method: 'COURIER', address: '四川省绵阳市游仙区示范路 1 号' } };
    await expect(pipe.transform(legacy, { type: 'body', metatype: AcceptCaseDto })).resolves.toBeDefined();
  });

  it('does not ask for an address when the certificate is collected at the window', async () => {
    const body = { ...structuredClone(ACCEPT_CASE_EXAMPLE), delivery: { method: 'WINDOW' } };
    await expect(pipe.transform(body, { type: 'body', metatype: AcceptCaseDto })).resolves.toBeDefined();
  });
});

describe('the request body of a task decision', () => {
  it('lets an approval go without an opinion', async () => {
    await expect(pipe.transform({ decision: 'APPROVE' }, { type: 'body', metatype: DecideTaskDto })).resolves.toBeDefined();
  });

  it('refuses a rejection without reasons, or with blank ones', async () => {
    expect(await problemsOf(DecideTaskDto, { decision: 'REJECT' })).toEqual([
      { field: 'opinion', rule: 'isDefined', message: 'opinion is required to reject or to ask for a supplement' },
    ]);
    expect((await problemsOf(DecideTaskDto, { decision: 'REQUEST_SUPPLEMENT', opinion: '   ', requested: [{ name: '完税凭证' }] })).map((p) => p.rule)).toEqual(['matches']);
  });

  it('caps the opinion at 2000 characters', async () => {
    expect((await problemsOf(DecideTaskDto, { decision: 'REJECT', opinion: 'x'.repeat(2001) })).map((p) => p.rule)).toEqual(['maxLength']);
  });
});
