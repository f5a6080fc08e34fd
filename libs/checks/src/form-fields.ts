import type { FormFieldSpec, FormFieldType, Problem } from '#libs/contracts';
import { textProblem } from './input-rules.js';

/**
 * The one rule for application-form values (申请表字段), declared per item in the catalog (`formFields`) and applied
 * alike by intake at acceptance and by fees when it reads a quantity: whatever the window accepts, fees can price.
 * Pure; every problem names the field as `form.<name>`.
 *
 * - integer: a JSON number that is a safe integer within [min, max] (so never NaN, ±Infinity, 1e308 or 1.5; -0 is 0).
 * - decimal: a finite JSON number within [min, max], with at most `scale` decimal places when scale is given.
 * - text: a string of at most maxLength characters (default 500), without NUL or unpaired surrogates.
 * - enum: one of `values`. boolean: true or false.
 * Numbers are never read from strings: "3", "1e308" and "NaN" are refused as the wrong type.
 * A field that is absent (undefined or null) is fine unless `required`.
 */

export const FORM_FIELD_TYPES: readonly FormFieldType[] = ['integer', 'decimal', 'text', 'enum', 'boolean'];
export const FORM_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
export const DEFAULT_TEXT_MAX_LENGTH = 500;
/** Bounds of the declarations themselves (checkFormFieldSpecs). */
export const FORM_SPEC_LIMITS = { maxFields: 100, maxScale: 6, maxTextLength: 10_000, maxEnumValues: 200, maxEnumValueLength: 100, maxLabelLength: 200 } as const;

/**
 * A quantity a fee rule prices by (`quantityFrom`) that the item does not declare (items published before forms were
 * declared): a whole number from 0 to 9999, at intake and at fees alike.
 */
export const FALLBACK_QUANTITY = { min: 0, max: 9999 } as const;

export function fallbackQuantitySpec(name: string): FormFieldSpec {
  return { name, type: 'integer', min: FALLBACK_QUANTITY.min, max: FALLBACK_QUANTITY.max };
}

export type FormFieldValue = number | string | boolean;

/** A form value that does not pass its field's rule (thrown by formFieldValue). */
export class FormFieldError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'FormFieldError';
  }
}

/** Every problem of a form against the declared fields, at most one per field. Undeclared keys are not looked at. */
export function checkForm(fields: readonly FormFieldSpec[], form: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const values = isRecord(form) ? form : {};
  for (const spec of fields) {
    const p = formFieldProblem(spec, Object.hasOwn(values, spec.name) ? values[spec.name] : undefined);
    if (p) problems.push(p);
  }
  return problems;
}

/** What is wrong with one value of a declared field, or undefined when it passes. */
export function formFieldProblem(spec: FormFieldSpec, raw: unknown): Problem | undefined {
  const field = `form.${spec.name}`;
  const problem = (rule: string, message: string): Problem => ({ field, rule, message: `${spec.name} ${message}` });
  if (raw === undefined || raw === null) return spec.required ? problem('required', 'is required') : undefined;
  switch (spec.type) {
    case 'integer': {
      const range = `a whole number from ${spec.min} to ${spec.max}`;
      if (typeof raw !== 'number') return problem('type', `must be ${range} (a number, not ${typeName(raw)})`);
      if (!Number.isSafeInteger(raw) || !inRange(raw, spec)) return problem('integerRange', `must be ${range}`);
      return undefined;
    }
    case 'decimal': {
      const places = spec.scale === undefined ? '' : ` with at most ${spec.scale} decimal places`;
      const range = `a number from ${spec.min} to ${spec.max}${places}`;
      if (typeof raw !== 'number') return problem('type', `must be ${range} (a number, not ${typeName(raw)})`);
      if (!Number.isFinite(raw) || !inRange(raw, spec)) return problem('decimalRange', `must be ${range}`);
      if (spec.scale !== undefined && decimalPlaces(raw) > spec.scale) return problem('decimalScale', `must be ${range}`);
      return undefined;
    }
    case 'text': {
      const max = spec.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
      if (typeof raw !== 'string') return problem('type', `must be text, not ${typeName(raw)}`);
      if (textProblem(raw, Infinity) !== null) return problem('text', 'must not contain NUL characters or unpaired surrogates');
      if (spec.required && raw.trim() === '') return problem('required', 'is required');
      if (characters(raw) > max) return problem('maxLength', `must be at most ${max} characters`);
      return undefined;
    }
    case 'enum': {
      const values = spec.values ?? [];
      if (typeof raw !== 'string' || !values.includes(raw)) return problem('oneOf', `must be one of ${values.join(', ')}`);
      return undefined;
    }
    case 'boolean':
      return typeof raw === 'boolean' ? undefined : problem('type', `must be true or false, not ${typeName(raw)}`);
    default:
      return problem('type', `has an unknown field type ${JSON.stringify((spec as { type: unknown }).type)} in the catalog`);
  }
}

/**
 * The value of a declared field, read with the same rule intake checked it by: undefined when absent, the number
 * (-0 read as 0), text, enum value or boolean otherwise. Throws FormFieldError when the value does not pass.
 */
export function formFieldValue(spec: FormFieldSpec, raw: unknown): FormFieldValue | undefined {
  const p = formFieldProblem(spec, raw);
  if (p) throw new FormFieldError(p);
  if (raw === undefined || raw === null) return undefined;
  return typeof raw === 'number' ? raw + 0 : (raw as string | boolean);
}

/**
 * Every problem of an item's form declarations (catalog publishing), with dotted paths `formFields.<i>.<key>`.
 * Names are unique identifiers; integer and decimal fields have finite bounds min ≤ max within ±MAX_SAFE_INTEGER
 * (safe integers for an integer field); every option belongs to the type that uses it.
 */
export function checkFormFieldSpecs(fields: unknown, at = 'formFields'): Problem[] {
  const p: Problem[] = [];
  const add = (field: string, rule: string, message: string) => p.push({ field, rule, message });
  if (!Array.isArray(fields)) return [{ field: at, rule: 'isArray', message: `${at} must be a list of form field declarations` }];
  if (fields.length > FORM_SPEC_LIMITS.maxFields) add(at, 'arrayMaxSize', `${at} may declare at most ${FORM_SPEC_LIMITS.maxFields} fields`);
  const names = new Map<string, number>();
  fields.forEach((f, i) => {
    const fat = `${at}.${i}`;
    if (!isRecord(f)) return add(fat, 'isObject', 'a form field must be an object {name, type, ...}');
    for (const k of Object.keys(f)) if (!SPEC_KEYS.includes(k)) add(`${fat}.${k}`, 'whitelist', `property ${k} should not exist`);
    if (typeof f.name !== 'string' || !FORM_FIELD_NAME.test(f.name)) {
      add(`${fat}.name`, 'fieldName', 'name must be a letter followed by at most 63 letters, digits or "_"');
    } else if (names.has(f.name)) {
      add(`${fat}.name`, 'uniqueFieldName', `form field ${f.name} is also declared by ${at}.${names.get(f.name)}`);
    } else names.set(f.name, i);
    if (f.label !== undefined && !isLabel(f.label)) add(`${fat}.label`, 'isNotEmpty', `label must be a non-empty text of at most ${FORM_SPEC_LIMITS.maxLabelLength} characters`);
    if (f.required !== undefined && typeof f.required !== 'boolean') add(`${fat}.required`, 'isBoolean', 'required must be true or false');
    const type = FORM_FIELD_TYPES.find((t) => t === f.type);
    if (!type) return add(`${fat}.type`, 'isIn', `type must be one of ${FORM_FIELD_TYPES.join(', ')}`);

    const onlyFor = (key: string, types: FormFieldType[]) => {
      if (f[key] !== undefined && !types.includes(type)) add(`${fat}.${key}`, 'fieldSpecShape', `${key} goes with a ${types.join(' or ')} field, not ${type}`);
    };
    onlyFor('min', ['integer', 'decimal']);
    onlyFor('max', ['integer', 'decimal']);
    onlyFor('scale', ['decimal']);
    onlyFor('maxLength', ['text']);
    onlyFor('values', ['enum']);

    if (type === 'integer') {
      const ok = (v: unknown) => Number.isSafeInteger(v);
      if (!ok(f.min)) add(`${fat}.min`, 'integerBounds', 'an integer field needs min, a whole number within ±9007199254740991');
      if (!ok(f.max)) add(`${fat}.max`, 'integerBounds', 'an integer field needs max, a whole number within ±9007199254740991');
      if (ok(f.min) && ok(f.max) && (f.min as number) > (f.max as number)) add(`${fat}.max`, 'minNotAboveMax', `min (${f.min}) must not exceed max (${f.max})`);
    } else if (type === 'decimal') {
      const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;
      if (!ok(f.min)) add(`${fat}.min`, 'decimalBounds', 'a decimal field needs min, a finite number within ±9007199254740991');
      if (!ok(f.max)) add(`${fat}.max`, 'decimalBounds', 'a decimal field needs max, a finite number within ±9007199254740991');
      if (ok(f.min) && ok(f.max) && (f.min as number) > (f.max as number)) add(`${fat}.max`, 'minNotAboveMax', `min (${f.min}) must not exceed max (${f.max})`);
      if (f.scale !== undefined && !(Number.isInteger(f.scale) && (f.scale as number) >= 0 && (f.scale as number) <= FORM_SPEC_LIMITS.maxScale)) {
        add(`${fat}.scale`, 'isInt', `scale must be a whole number of decimal places from 0 to ${FORM_SPEC_LIMITS.maxScale}`);
      }
    } else if (type === 'text') {
      if (f.maxLength !== undefined && !(Number.isInteger(f.maxLength) && (f.maxLength as number) >= 1 && (f.maxLength as number) <= FORM_SPEC_LIMITS.maxTextLength)) {
        add(`${fat}.maxLength`, 'isInt', `maxLength must be a whole number from 1 to ${FORM_SPEC_LIMITS.maxTextLength}`);
      }
    } else if (type === 'enum') {
      const v = f.values;
      const max = FORM_SPEC_LIMITS.maxEnumValueLength;
      if (!Array.isArray(v) || v.length === 0 || v.length > FORM_SPEC_LIMITS.maxEnumValues) {
        add(`${fat}.values`, 'enumValues', `an enum field needs values: 1 to ${FORM_SPEC_LIMITS.maxEnumValues} allowed texts`);
      } else if (!v.every((x) => typeof x === 'string' && x.trim() !== '' && x.length <= max && textProblem(x, Infinity) === null)) {
        add(`${fat}.values`, 'enumValues', `every enum value must be a non-empty text of at most ${max} characters`);
      } else if (new Set(v).size !== v.length) {
        add(`${fat}.values`, 'uniqueValues', 'enum values must not repeat');
      }
    }
  });
  return p;
}

const SPEC_KEYS = ['name', 'label', 'type', 'min', 'max', 'scale', 'maxLength', 'values', 'required'];
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLabel(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '' && v.length <= FORM_SPEC_LIMITS.maxLabelLength && textProblem(v, Infinity) === null;
}

function inRange(n: number, spec: FormFieldSpec): boolean {
  // A declaration without bounds (never published so) accepts nothing rather than everything.
  return typeof spec.min === 'number' && typeof spec.max === 'number' && n >= spec.min && n <= spec.max;
}

/** Decimal places of a number as JavaScript writes it shortest (0.1 → 1, 1e-7 → 7, 0.1 + 0.2 → 17). */
function decimalPlaces(n: number): number {
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) return Infinity;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

function characters(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'boolean' ? 'true/false' : typeof v;
}
