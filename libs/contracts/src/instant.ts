import { buildMessage, isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A time or date a service can store and compare: ISO 8601 as class-validator reads it (strict: the date exists),
 * and also a calendar form JavaScript and PostgreSQL both parse, in years 0001–9999. IsISO8601 alone lets week and
 * ordinal dates through (`2026-W01`, `2026-123`), which `new Date()` cannot read: the hostile-input test found one
 * reaching SQL as an Invalid Date (a 500). One rule, under the same name (`isIso8601`) clients already see.
 */
const CALENDAR_FORM = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

export function isInstant(value: unknown, strictSeparator = false): boolean {
  if (typeof value !== 'string' || !CALENDAR_FORM.test(value) || !isISO8601(value, { strict: true, strictSeparator })) return false;
  const t = Date.parse(value);
  return !Number.isNaN(t) && value.slice(0, 4) >= '0001';
}

export function IsInstant(opts: { strictSeparator?: boolean } = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIso8601',
      validator: {
        validate: (value) => isInstant(value, opts.strictSeparator),
        defaultMessage: buildMessage((each) => `${each}$property must be a valid ISO 8601 date string`, validationOptions),
      },
    },
    validationOptions,
  );
}
