import type { FormFieldSpec } from '#libs/contracts';
import { checkForm, checkFormFieldSpecs, fallbackQuantitySpec, FormFieldError, formFieldProblem, formFieldValue } from './form-fields.js';

const copies: FormFieldSpec = { name: 'copies', type: 'integer', min: 0, max: 99 };
const area: FormFieldSpec = { name: 'area', type: 'decimal', min: 0, max: 10000, scale: 2 };
const note: FormFieldSpec = { name: 'note', type: 'text', maxLength: 5 };
const kind: FormFieldSpec = { name: 'kind', type: 'enum', values: ['A', 'B'], required: true };
const urgent: FormFieldSpec = { name: 'urgent', type: 'boolean' };
const rule = (spec: FormFieldSpec, v: unknown) => formFieldProblem(spec, v)?.rule;

describe('form field values (the catalog’s one rule)', () => {
  it('takes integers that are safe and within [min, max]; -0 reads as 0', () => {
    for (const v of [0, 1, 99, -0]) expect(rule(copies, v)).toBeUndefined();
    expect(Object.is(formFieldValue(copies, -0), 0)).toBe(true);
    expect(formFieldValue(copies, 7)).toBe(7);
  });

  it('refuses 1e308, 10^13, -1, 1.5, NaN and Infinity as integerRange', () => {
    for (const v of [1e308, 10 ** 13, -1, 1.5, 100, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 1]) {
      expect([v, rule(copies, v)]).toEqual([v, 'integerRange']);
    }
    expect(formFieldProblem(copies, 1e308)).toEqual({ field: 'form.copies', rule: 'integerRange', message: 'copies must be a whole number from 0 to 99' });
  });

  it('never reads numbers out of strings, NaN-ish or not', () => {
    for (const v of ['3', '1e308', 'NaN', 'Infinity', '', ' 1', '0x10', true, [1], { n: 1 }]) expect([v, rule(copies, v)]).toEqual([v, 'type']);
  });

  it('lets an absent field be, unless it is required', () => {
    expect(rule(copies, undefined)).toBeUndefined();
    expect(rule(copies, null)).toBeUndefined();
    expect(formFieldValue(copies, undefined)).toBeUndefined();
    expect(rule({ ...copies, required: true }, undefined)).toBe('required');
    expect(rule(kind, null)).toBe('required');
  });

  it('takes finite decimals within range and scale', () => {
    for (const v of [0, 12.5, 12.34, 10000, 0.01]) expect([v, rule(area, v)]).toEqual([v, undefined]);
    for (const v of [1e308, -0.01, 10000.01, NaN, Infinity]) expect([v, rule(area, v)]).toEqual([v, 'decimalRange']);
    for (const v of [12.345, 0.1 + 0.2, 1e-7]) expect([v, rule(area, v)]).toEqual([v, 'decimalScale']);
    expect(rule(area, '12.5')).toBe('type');
    expect(rule({ ...area, scale: undefined }, 1 / 3)).toBeUndefined();
  });

  it('takes text without NUL or lone surrogates, within maxLength (default 500)', () => {
    expect(rule(note, '你好')).toBeUndefined();
    expect(rule(note, '😀😀😀😀😀')).toBeUndefined(); // five characters, ten UTF-16 units
    expect(rule(note, '123456')).toBe('maxLength');
    expect(rule(note, 'a\u0000b')).toBe('text');
    expect(rule(note, 'a\uD800b')).toBe('text');
    expect(rule(note, '\uDC00')).toBe('text');
    expect(rule(note, 5)).toBe('type');
    expect(rule({ name: 'n', type: 'text' }, 'x'.repeat(500))).toBeUndefined();
    expect(rule({ name: 'n', type: 'text' }, 'x'.repeat(501))).toBe('maxLength');
    expect(rule({ name: 'n', type: 'text', required: true }, '  ')).toBe('required');
  });

  it('takes enum values and booleans exactly', () => {
    expect(rule(kind, 'A')).toBeUndefined();
    expect(rule(kind, 'a')).toBe('oneOf');
    expect(rule(kind, 'toString')).toBe('oneOf');
    expect(rule(urgent, false)).toBeUndefined();
    expect(rule(urgent, 'true')).toBe('type');
  });

  it('checks a whole form: one problem per declared field, undeclared keys left alone', () => {
    const form = { copies: 1e308, area: 1.234, note: 'ok', urgent: 1, other: 1e308 };
    expect(checkForm([copies, area, note, kind, urgent], form).map((p) => `${p.field} ${p.rule}`)).toEqual([
      'form.copies integerRange',
      'form.area decimalScale',
      'form.kind required',
      'form.urgent type',
    ]);
    expect(checkForm([copies, kind], { copies: 3, kind: 'B' })).toEqual([]);
  });

  it('reads an undeclared quantity as a whole number 0..9999', () => {
    const q = fallbackQuantitySpec('n');
    expect(formFieldValue(q, 9999)).toBe(9999);
    expect(() => formFieldValue(q, 10000)).toThrow(FormFieldError);
    expect(() => formFieldValue(q, 10 ** 13)).toThrow(/whole number from 0 to 9999/);
  });
});

describe('form field declarations (catalog publishing)', () => {
  const problems = (fields: unknown) => checkFormFieldSpecs(fields).map((p) => `${p.field} ${p.rule}`);

  it('passes good declarations', () => {
    expect(problems([copies, area, note, kind, urgent, { name: 'x_1', label: '备注', type: 'text', required: false }])).toEqual([]);
  });

  it('wants bounds for numbers: finite, within the safe range, min ≤ max', () => {
    expect(
      problems([
        { name: 'a', type: 'integer', min: 0 },
        { name: 'b', type: 'integer', min: 0, max: 1e308 },
        { name: 'c', type: 'integer', min: 0.5, max: 3 },
        { name: 'd', type: 'integer', min: 5, max: 1 },
        { name: 'e', type: 'decimal', min: -1e308, max: 0 },
        { name: 'f', type: 'decimal', min: 0, max: 1, scale: 7 },
        { name: 'g', type: 'decimal', min: 0, max: Infinity },
      ]),
    ).toEqual([
      'formFields.0.max integerBounds',
      'formFields.1.max integerBounds',
      'formFields.2.min integerBounds',
      'formFields.3.max minNotAboveMax',
      'formFields.4.min decimalBounds',
      'formFields.5.scale isInt',
      'formFields.6.max decimalBounds',
    ]);
  });

  it('checks names, types and options per type, and unknown keys', () => {
    expect(
      problems([
        { name: '1st', type: 'text' },
        { name: 'dup', type: 'text' },
        { name: 'dup', type: 'boolean' },
        { name: 'x', type: 'date' },
        { name: 'y', type: 'enum', values: [] },
        { name: 'z', type: 'enum', values: ['A', 'A'] },
        { name: 'w', type: 'text', maxLength: 1e308, min: 1, colour: 'red' },
        { name: 'v', type: 'boolean', required: 'yes' },
      ]),
    ).toEqual([
      'formFields.0.name fieldName',
      'formFields.2.name uniqueFieldName',
      'formFields.3.type isIn',
      'formFields.4.values enumValues',
      'formFields.5.values uniqueValues',
      'formFields.6.colour whitelist',
      'formFields.6.min fieldSpecShape',
      'formFields.6.maxLength isInt',
      'formFields.7.required isBoolean',
    ]);
    expect(problems({})).toEqual(['formFields isArray']);
  });
});
