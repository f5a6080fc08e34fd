import { ValidationPipe } from '@nestjs/common';
import { AppError } from '#libs/contracts';
import { RequestInvalid } from '../http/request-invalid.js';
import { ExtendTaskDto } from '../tasks/dto/extend-task.dto.js';
import { DecideTaskDto } from '../tasks/dto/decide-task.dto.js';
import { StatsQuery, WarningsQuery } from './supervision.dto.js';

const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: RequestInvalid.fromValidation });

async function problemsOf(metatype: new () => object, value: unknown, type: 'body' | 'query' = 'body'): Promise<string[]> {
  try {
    await pipe.transform(value, { type, metatype });
  } catch (e) {
    expect((e as AppError).status).toBe(400);
    return ((e as AppError).details as { problems: { field: string; rule: string }[] }).problems.map((p) => `${p.field}:${p.rule}`);
  }
  return [];
}

describe('the clock at the edge: bodies and queries', () => {
  it('requires the list of requested materials with a supplement request, each with a name', async () => {
    expect(await problemsOf(DecideTaskDto, { decision: 'REQUEST_SUPPLEMENT', opinion: '补正' })).toEqual(['requested:isDefined']);
    expect(await problemsOf(DecideTaskDto, { decision: 'REQUEST_SUPPLEMENT', opinion: '补正', requested: [] })).toEqual(['requested:arrayNotEmpty']);
    expect(await problemsOf(DecideTaskDto, { decision: 'REQUEST_SUPPLEMENT', opinion: '补正', requested: [{ code: 'M05' }, { name: 'x', extra: 1 }] })).toEqual([
      'requested.0.name:isDefined',
      'requested.1.extra:whitelistValidation',
    ]);
    expect(await problemsOf(DecideTaskDto, { decision: 'REQUEST_SUPPLEMENT', opinion: '补正', requested: [{ code: 'M05', name: '完税凭证', reason: '不清晰' }] })).toEqual([]);
    expect(await problemsOf(DecideTaskDto, { decision: 'APPROVE' })).toEqual([]);
  });

  it('takes an extension of 1 to 60 whole working days with a reason', async () => {
    expect(await problemsOf(ExtendTaskDto, { workingDays: 3, reason: '需现场核查' })).toEqual([]);
    expect(await problemsOf(ExtendTaskDto, { workingDays: 0, reason: ' ' })).toEqual(['workingDays:min', 'reason:matches']);
    expect(await problemsOf(ExtendTaskDto, { workingDays: 1.5 })).toEqual(['workingDays:isInt', 'reason:isDefined']);
  });

  it('checks the supervision queries', async () => {
    expect(await problemsOf(WarningsQuery, { department: 'TAX', level: 'RED' }, 'query')).toEqual([]);
    expect(await problemsOf(WarningsQuery, { department: 'TAX;drop', level: 'ORANGE' }, 'query')).toEqual(['department:matches', 'level:isIn']);
    expect(await problemsOf(StatsQuery, { from: '2026-11-01', to: '2026-11-30' }, 'query')).toEqual([]);
    expect(await problemsOf(StatsQuery, { from: '1 Nov' }, 'query')).toEqual(['from:matches']);
  });
});
