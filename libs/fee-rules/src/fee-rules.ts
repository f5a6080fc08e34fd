import type { FeeLine, FeeRule, FormFieldSpec } from '#libs/contracts';
import { fallbackQuantitySpec, FormFieldError, formFieldValue } from '#libs/checks';

/**
 * The catalog's fee rules applied to a case: one home, used by intake for the estimate it shows at acceptance
 * (预计收费) and by fees for the assessment the notice is made from, so the two cannot disagree and the window does
 * not wait on another service to quote a price. A rule two services must apply identically lives in a library, as
 * the working calendar does (docs/CONVENTIONS.md).
 */

/**
 * A rule that cannot be applied to this form (unknown rate key, bad quantity, malformed rule). It is thrown, not
 * skipped: charging nothing by accident is as wrong as overcharging, so the case must stop and be looked at.
 */
export class FeeRuleError extends Error {
  constructor(
    readonly ruleCode: string,
    message: string,
  ) {
    super(`fee rule ${ruleCode}: ${message}`);
    this.name = 'FeeRuleError';
  }
}

/**
 * Applies the catalog's fee rules to one case; every amount is integer fen. `formFields` are the item version's form
 * declarations (absent for items that declare none, and in events from before they travelled): a quantity is read
 * with the rule intake checked it by at acceptance (#libs/checks), the declared field or else a whole number 0..9999.
 */
export function assessFees(rules: FeeRule[], form: Record<string, unknown>, applicantCategories: string[], formFields: FormFieldSpec[] = []): FeeLine[] {
  const lines: FeeLine[] = [];
  for (const rule of rules) {
    if (rule.exemptFor?.some((c) => applicantCategories.includes(c))) continue;
    if (!whenMatches(rule.when, form)) continue;
    const line = rule.kind === 'FIXED' ? fixedLine(rule) : rule.kind === 'PER_UNIT' ? perUnitLine(rule, form, formFields) : unknownKind(rule);
    // A zero line (a free unit, a rate of 0) would only clutter the notice.
    if (line && line.amountFen > 0) lines.push(line);
  }
  return lines;
}

export function totalFen(lines: FeeLine[]): number {
  return lines.reduce((sum, l) => sum + l.amountFen, 0);
}

/** Categories the applicant claims on the form (e.g. SMALL_MICRO_ENTERPRISE), one or several. */
export function applicantCategoriesOf(form: Record<string, unknown>): string[] {
  const c = form.applicantCategory;
  if (typeof c === 'string') return [c];
  if (Array.isArray(c)) return c.filter((x): x is string => typeof x === 'string');
  return [];
}

function whenMatches(when: FeeRule['when'], form: Record<string, unknown>): boolean {
  if (!when) return true;
  return Object.entries(when).every(([field, expected]) => {
    const actual = scalar(form[field]);
    if (actual === undefined) return false;
    return Array.isArray(expected) ? expected.includes(actual) : expected === actual;
  });
}

function fixedLine(rule: FeeRule): FeeLine {
  const amountFen = fen(rule, rule.amountFen, 'amountFen');
  return { code: rule.code, name: rule.name, department: rule.department, amountFen };
}

function perUnitLine(rule: FeeRule, form: Record<string, unknown>, formFields: FormFieldSpec[]): FeeLine | null {
  if (!rule.quantityFrom) throw new FeeRuleError(rule.code, 'PER_UNIT rule has no quantityFrom');
  const spec = formFields.find((f) => f.name === rule.quantityFrom) ?? fallbackQuantitySpec(rule.quantityFrom);
  const quantity = quantityOf(rule, spec, Object.hasOwn(form, rule.quantityFrom) ? form[rule.quantityFrom] : undefined);
  if (quantity === 0) return null;
  const amountFen = quantity * unitPrice(rule, form);
  if (!Number.isSafeInteger(amountFen)) throw new FeeRuleError(rule.code, `amount ${quantity} × unit price is out of range`);
  return { code: rule.code, name: rule.name, department: rule.department, amountFen, quantity };
}

function unitPrice(rule: FeeRule, form: Record<string, unknown>): number {
  if (rule.unitPriceFen !== undefined) return fen(rule, rule.unitPriceFen, 'unitPriceFen');
  const by = rule.unitPriceFenBy;
  if (!by) throw new FeeRuleError(rule.code, 'PER_UNIT rule has neither unitPriceFen nor unitPriceFenBy');
  const key = scalar(form[by.field]);
  if (key === undefined || !Object.hasOwn(by.rates, key)) {
    throw new FeeRuleError(rule.code, `form field ${by.field} is ${JSON.stringify(form[by.field])}; priced values are ${Object.keys(by.rates).join(', ')}`);
  }
  return fen(rule, by.rates[key], `unitPriceFenBy.rates.${key}`);
}

/**
 * A missing quantity field means none. Otherwise the value must pass the field's rule — the one intake accepted it
 * by — and be a whole number ≥ 0 (the catalog allows nothing else for a quantity); anything else is refused.
 */
function quantityOf(rule: FeeRule, spec: FormFieldSpec, raw: unknown): number {
  let n: unknown;
  try {
    n = formFieldValue(spec, raw);
  } catch (e) {
    if (!(e instanceof FormFieldError)) throw e;
    throw new FeeRuleError(rule.code, `form field ${e.problem.message}, got ${describe(raw)}`);
  }
  if (n === undefined) return 0;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new FeeRuleError(rule.code, `form field ${rule.quantityFrom} must be a whole number ≥ 0, got ${describe(raw)}`);
  }
  return n;
}

/** A form value in a message: short, whatever was sent. */
function describe(raw: unknown): string {
  const s = typeof raw === 'number' ? String(raw) : (JSON.stringify(raw) ?? String(raw));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function fen(rule: FeeRule, value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new FeeRuleError(rule.code, `${what} must be whole fen ≥ 0, got ${JSON.stringify(value)}`);
  }
  return value;
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function unknownKind(rule: FeeRule): never {
  throw new FeeRuleError(rule.code, `unknown kind ${JSON.stringify(rule.kind)}`);
}
