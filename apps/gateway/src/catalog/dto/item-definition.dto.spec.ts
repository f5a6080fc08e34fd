import { ValidationPipe } from '@nestjs/common';
import { AppError } from '#libs/contracts';
import { RequestInvalid } from '../../http/request-invalid.js';
import { ITEM_DEFINITION_EXAMPLE, ItemDefinitionDto } from './item-definition.dto.js';

const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: RequestInvalid.fromValidation });

async function check(body: unknown): Promise<{ value?: unknown; problems?: string[] }> {
  try {
    return { value: await pipe.transform(body, { type: 'body', metatype: ItemDefinitionDto }) };
  } catch (e) {
    expect((e as AppError).status).toBe(400);
    return { problems: ((e as AppError).details as { problems: { field: string; rule: string }[] }).problems.map((p) => `${p.field}:${p.rule}`) };
  }
}

const formFields = [
  { name: 'propertyType', label: '房屋用途', type: 'enum', values: ['RESIDENTIAL', 'NON_RESIDENTIAL'], required: true },
  { name: 'extraCertificates', type: 'integer', min: 0, max: 99 },
  { name: 'area', type: 'decimal', min: 0, max: 10000, scale: 2 },
  { name: 'note', type: 'text', maxLength: 200 },
  { name: 'urgent', type: 'boolean' },
];

describe('the catalog item body at the gateway', () => {
  it('lets formFields through, unchanged, for intake to check', async () => {
    const { value, problems } = await check({ ...ITEM_DEFINITION_EXAMPLE, formFields });
    expect(problems).toBeUndefined();
    expect(JSON.parse(JSON.stringify(value)).formFields).toEqual(formFields);
  });

  it('still takes an item without formFields', async () => {
    expect((await check(ITEM_DEFINITION_EXAMPLE)).problems).toBeUndefined();
  });

  it('refuses unknown keys and wrong types inside a form field (400)', async () => {
    const { problems } = await check({
      ...ITEM_DEFINITION_EXAMPLE,
      formFields: [{ name: 'n', type: 'integer', min: '0', max: 9, colour: 'red' }, { name: 1, type: 'enum', values: [1] }, 'x'],
    });
    expect(problems).toEqual(
      expect.arrayContaining(['formFields.0.colour:whitelistValidation', 'formFields.0.min:isNumber', 'formFields.1.name:isString', 'formFields.1.values:isString']),
    );
  });
});
