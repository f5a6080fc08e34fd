import type { FormFieldSpec, Problem } from '#libs/contracts';
import { checkFormFieldSpecs } from '#libs/checks';

/**
 * The rules a catalog item (事项) must satisfy before it is published. Checked whole, in one pass, so the
 * administrator hears every problem at once; pure, so it is tested without a database. `field` paths are dotted
 * (`reviewPlan.0.lead`), the same as the gateway's shape checks.
 */

export const CASE_TYPES = ['IMMEDIATE', 'PROMISED', 'JOINT', 'REPORTED'] as const;
export const APPLICANT_TYPES = ['PERSON', 'ORG'] as const;
/** 权力类型: 行政许可, 行政确认, 行政给付, 行政征收, 行政奖励, 行政裁决, 备案, 公共服务, 其他. */
export const POWER_TYPES = ['LICENSE', 'CONFIRMATION', 'PAYMENT', 'LEVY', 'REWARD', 'ADJUDICATION', 'FILING', 'PUBLIC_SERVICE', 'OTHER'] as const;
export const LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export const FEE_KINDS = ['FIXED', 'PER_UNIT'] as const;
/** Letters, digits, "-" and "_": the gateway takes the code as a path segment. */
export const ITEM_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const MATERIAL_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
/** Time limits are working days; three years' worth is already far beyond any statutory limit. */
export const MAX_DAYS = 750;
/** Review stages are numbered 1 to 99. */
export const MAX_STAGE = 99;
/** Any one amount, unit price or rate: at most 10^10 fen (一亿元); far beyond any fee, far below unsafe integers. */
export const MAX_FEN = 10_000_000_000;

const ITEM_KEYS = [
  'code', 'name', 'powerType', 'caseType', 'applicantTypes', 'legalDays', 'promisedDays', 'reviewPlan', 'materials', 'fees',
  'results', 'formFields', 'siteInspection', 'jointSiteSurvey', 'acceptedAt', 'decidedBy',
];
const STAGE_KEYS = ['stage', 'departments', 'lead', 'shareDays'];
const MATERIAL_KEYS = ['code', 'name', 'required', 'tolerable'];
const FEE_KEYS = ['code', 'name', 'department', 'kind', 'amountFen', 'unit', 'unitPriceFen', 'unitPriceFenBy', 'quantityFrom', 'when', 'exemptFor'];
const RESULT_KEYS = ['department', 'name', 'validityYears'];

export interface CatalogFacts {
  /** Department codes the catalog knows (intake.departments). */
  departments: ReadonlySet<string>;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const isDays = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_DAYS;
const isFen = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_FEN;

/** Every problem with an item definition; empty when it may be published. */
export function itemProblems(input: unknown, facts: CatalogFacts): Problem[] {
  const p: Problem[] = [];
  const add = (field: string, rule: string, message: string) => p.push({ field, rule, message });
  if (!isObj(input)) return [{ field: 'definition', rule: 'isObject', message: 'the item definition must be an object' }];
  const item = input;

  if ('version' in item) add('version', 'assignedByCatalog', 'version is assigned by the catalog when the item is published; leave it out');
  unknownKeys(item, ITEM_KEYS.concat('version'), '', add);

  if (typeof item.code !== 'string' || !ITEM_CODE.test(item.code)) add('code', 'itemCode', 'code must be 1 to 64 letters, digits, "-" or "_", starting with a letter or digit');
  if (!isText(item.name)) add('name', 'isNotEmpty', 'name must be a non-empty text of at most 200 characters');
  if (!includes(POWER_TYPES, item.powerType)) add('powerType', 'isIn', `powerType must be one of ${POWER_TYPES.join(', ')}`);
  const caseType = includes(CASE_TYPES, item.caseType) ? item.caseType : undefined;
  if (!caseType) add('caseType', 'isIn', `caseType must be one of ${CASE_TYPES.join(', ')}`);

  if (!Array.isArray(item.applicantTypes) || item.applicantTypes.length === 0) {
    add('applicantTypes', 'arrayNotEmpty', `applicantTypes must list at least one of ${APPLICANT_TYPES.join(', ')}`);
  } else {
    const seen = new Set<unknown>();
    item.applicantTypes.forEach((t, i) => {
      if (!includes(APPLICANT_TYPES, t)) add(`applicantTypes.${i}`, 'isIn', `applicant type must be one of ${APPLICANT_TYPES.join(', ')}, not ${JSON.stringify(t)}`);
      else if (seen.has(t)) add(`applicantTypes.${i}`, 'unique', `applicant type ${t} is listed twice`);
      seen.add(t);
    });
  }

  const legalOk = isDays(item.legalDays);
  const promisedOk = isDays(item.promisedDays);
  if (!legalOk) add('legalDays', 'isInt', `legalDays (法定时限) must be a whole number of working days, 0 to ${MAX_DAYS}`);
  if (!promisedOk) add('promisedDays', 'isInt', `promisedDays (承诺时限) must be a whole number of working days, 0 to ${MAX_DAYS}`);
  if (legalOk && promisedOk && (item.promisedDays as number) > (item.legalDays as number)) {
    add('promisedDays', 'promisedNotAboveLegal', `promisedDays (${item.promisedDays}) must not exceed legalDays (${item.legalDays})`);
  }

  const planDepartments = reviewPlanProblems(item.reviewPlan, caseType, facts, add);
  materialsProblems(item.materials, add);
  const formFields = item.formFields === undefined ? undefined : formFieldsProblems(item.formFields, p);
  feesProblems(item.fees, facts, formFields, add);
  resultsProblems(item.results, facts, add);

  for (const flag of ['siteInspection', 'jointSiteSurvey']) {
    if (item[flag] !== undefined && typeof item[flag] !== 'boolean') add(flag, 'isBoolean', `${flag} must be true or false`);
  }
  if (item.acceptedAt !== undefined && !includes(LEVELS, item.acceptedAt)) add('acceptedAt', 'isIn', `acceptedAt must be one of ${LEVELS.join(', ')}`);
  if (item.decidedBy !== undefined || caseType === 'REPORTED') decidedByProblems(item.decidedBy, caseType, planDepartments, facts, add);
  return p;
}

type Add = (field: string, rule: string, message: string) => void;

function reviewPlanProblems(plan: unknown, caseType: string | undefined, facts: CatalogFacts, add: Add): Set<string> {
  const all = new Set<string>();
  if (!Array.isArray(plan)) {
    add('reviewPlan', 'isArray', 'reviewPlan must be a list of stages (it may be empty only for items with nothing to review)');
    return all;
  }
  const stageNumbers = new Set<number>();
  plan.forEach((s, i) => {
    const at = `reviewPlan.${i}`;
    if (!isObj(s)) return add(at, 'isObject', 'a stage must be an object {stage, departments, lead?}');
    unknownKeys(s, STAGE_KEYS, at, add);
    if (!Number.isInteger(s.stage) || (s.stage as number) < 1 || (s.stage as number) > MAX_STAGE) {
      add(`${at}.stage`, 'isPositiveInt', `stage must be a whole number from 1 to ${MAX_STAGE}`);
    }
    else if (stageNumbers.has(s.stage as number)) add(`${at}.stage`, 'uniqueStage', `stage ${s.stage} appears twice in the plan`);
    else stageNumbers.add(s.stage as number);
    const departments = Array.isArray(s.departments) ? s.departments : undefined;
    if (!departments || departments.length === 0) {
      add(`${at}.departments`, 'stageNotEmpty', `stage ${String(s.stage ?? i + 1)} must list at least one department`);
    } else {
      const seen = new Set<unknown>();
      departments.forEach((d, j) => {
        if (typeof d !== 'string' || !facts.departments.has(d)) add(`${at}.departments.${j}`, 'knownDepartment', `no department ${JSON.stringify(d)} in the catalog`);
        else if (seen.has(d)) add(`${at}.departments.${j}`, 'uniqueDepartment', `department ${d} is listed twice in stage ${String(s.stage)}`);
        seen.add(d);
        if (typeof d === 'string') all.add(d);
      });
    }
    if (s.lead !== undefined && !(typeof s.lead === 'string' && departments?.includes(s.lead))) {
      add(`${at}.lead`, 'leadInStage', `the lead department ${JSON.stringify(s.lead)} must be one of the stage's departments`);
    }
    // The clock (#4): a stage's own share of working days; routing caps it at the case's promised deadline.
    if (s.shareDays !== undefined && !isDays(s.shareDays)) {
      add(`${at}.shareDays`, 'isNonNegativeInt', `shareDays must be a whole number of working days from 0 to ${MAX_DAYS}`);
    }
  });
  if (caseType === 'IMMEDIATE' && !(plan.length === 1 && Array.isArray(plan[0]?.departments) && plan[0].departments.length === 1)) {
    add('reviewPlan', 'immediateSingleDepartment', 'an IMMEDIATE item (即办件) has exactly one stage with one department, whose chief representative decides at the window');
  }
  if ((caseType === 'JOINT' || caseType === 'PROMISED' || caseType === 'REPORTED') && plan.length === 0) {
    add('reviewPlan', 'arrayNotEmpty', `a ${caseType} item needs at least one review stage`);
  }
  return all;
}

function materialsProblems(materials: unknown, add: Add): void {
  if (!Array.isArray(materials)) return add('materials', 'isArray', 'materials must be a list (it may be empty)');
  const codes = new Map<string, number>();
  materials.forEach((m, i) => {
    const at = `materials.${i}`;
    if (!isObj(m)) return add(at, 'isObject', 'a material must be an object {code, name, required, tolerable}');
    unknownKeys(m, MATERIAL_KEYS, at, add);
    if (typeof m.code !== 'string' || !MATERIAL_CODE.test(m.code)) add(`${at}.code`, 'materialCode', 'code must be 1 to 32 letters, digits, "-" or "_"');
    else if (codes.has(m.code)) add(`${at}.code`, 'uniqueMaterialCode', `material code ${m.code} is also used by materials.${codes.get(m.code)}`);
    else codes.set(m.code, i);
    if (!isText(m.name, 300)) add(`${at}.name`, 'isNotEmpty', 'name must be a non-empty text of at most 300 characters');
    if (typeof m.required !== 'boolean') add(`${at}.required`, 'isBoolean', 'required must be true or false');
    if (typeof m.tolerable !== 'boolean') add(`${at}.tolerable`, 'isBoolean', 'tolerable (容缺) must be true or false');
  });
}

/**
 * The item's form declarations (#libs/checks); the declared fields by name for the fee rules to refer to, or
 * undefined when formFields is not even a list (then that is the one problem reported).
 */
function formFieldsProblems(fields: unknown, p: Problem[]): Map<string, FormFieldSpec> | undefined {
  p.push(...checkFormFieldSpecs(fields, 'formFields'));
  if (!Array.isArray(fields)) return undefined;
  const byName = new Map<string, FormFieldSpec>();
  for (const f of fields) if (isObj(f) && typeof f.name === 'string' && !byName.has(f.name)) byName.set(f.name, f as unknown as FormFieldSpec);
  return byName;
}

/**
 * When the item declares its form, a PER_UNIT rule's quantity is a declared integer field from ≥ 0 whose largest
 * value times the largest unit price is still a safe integer, so fees can always price what intake accepts.
 * (Without declarations both sides bound the quantity to 0..9999, which any price up to MAX_FEN fits.)
 */
function quantityFieldProblems(at: string, f: Obj, formFields: Map<string, FormFieldSpec>, add: Add): void {
  if (typeof f.quantityFrom !== 'string') return;
  const spec = formFields.get(f.quantityFrom);
  if (!spec) return add(`${at}.quantityFrom`, 'declaredFormField', `quantityFrom ${f.quantityFrom} must be one of the item's formFields (an integer field)`);
  if (spec.type !== 'integer') return add(`${at}.quantityFrom`, 'integerFormField', `quantityFrom ${f.quantityFrom} is a ${String(spec.type)} field; a quantity is an integer field`);
  if (!Number.isSafeInteger(spec.min) || !Number.isSafeInteger(spec.max)) return; // reported on formFields
  if ((spec.min as number) < 0) add(`${at}.quantityFrom`, 'nonNegativeQuantity', `form field ${f.quantityFrom} is a quantity: its min must be ≥ 0, not ${spec.min}`);
  const prices = isFen(f.unitPriceFen) ? [f.unitPriceFen] : isObj(f.unitPriceFenBy) && isObj(f.unitPriceFenBy.rates) ? Object.values(f.unitPriceFenBy.rates).filter(isFen) : [];
  const top = prices.reduce((m, x) => Math.max(m, x), 0);
  if (!Number.isSafeInteger((spec.max as number) * top)) {
    add(`${at}.quantityFrom`, 'amountInRange', `form field ${f.quantityFrom} may be up to ${spec.max} units; at ${top} fen a unit the amount would exceed ${Number.MAX_SAFE_INTEGER} fen`);
  }
}

function feesProblems(fees: unknown, facts: CatalogFacts, formFields: Map<string, FormFieldSpec> | undefined, add: Add): void {
  if (!Array.isArray(fees)) return add('fees', 'isArray', 'fees must be a list of fee rules (it may be empty)');
  const codes = new Set<string>();
  fees.forEach((f, i) => {
    const at = `fees.${i}`;
    if (!isObj(f)) return add(at, 'isObject', 'a fee rule must be an object');
    unknownKeys(f, FEE_KEYS, at, add);
    if (!isText(f.code, 64)) add(`${at}.code`, 'isNotEmpty', 'code must be a non-empty text');
    else if (codes.has(f.code)) add(`${at}.code`, 'uniqueFeeCode', `fee code ${f.code} is used twice`);
    else codes.add(f.code);
    if (!isText(f.name)) add(`${at}.name`, 'isNotEmpty', 'name must be a non-empty text of at most 200 characters');
    if (typeof f.department !== 'string' || !facts.departments.has(f.department)) {
      add(`${at}.department`, 'knownDepartment', `no department ${JSON.stringify(f.department)} in the catalog`);
    }
    if (f.kind === 'FIXED') {
      if (!isFen(f.amountFen)) add(`${at}.amountFen`, 'feeRuleShape', `a FIXED rule needs amountFen, a whole number of fen from 0 to ${MAX_FEN}`);
      for (const k of ['unit', 'unitPriceFen', 'unitPriceFenBy', 'quantityFrom']) {
        if (f[k] !== undefined) add(`${at}.${k}`, 'feeRuleShape', `a FIXED rule has no ${k}`);
      }
    } else if (f.kind === 'PER_UNIT') {
      if (!isText(f.quantityFrom, 64)) add(`${at}.quantityFrom`, 'feeRuleShape', 'a PER_UNIT rule needs quantityFrom: the form field holding the number of units');
      else if (formFields) quantityFieldProblems(at, f, formFields, add);
      if (f.amountFen !== undefined) add(`${at}.amountFen`, 'feeRuleShape', 'a PER_UNIT rule is priced per unit, not by amountFen');
      if ((f.unitPriceFen === undefined) === (f.unitPriceFenBy === undefined)) {
        add(`${at}.unitPriceFen`, 'feeRuleShape', 'a PER_UNIT rule needs exactly one of unitPriceFen and unitPriceFenBy');
      } else if (f.unitPriceFen !== undefined && !isFen(f.unitPriceFen)) {
        add(`${at}.unitPriceFen`, 'feeRuleShape', `unitPriceFen must be a whole number of fen from 0 to ${MAX_FEN}`);
      } else if (f.unitPriceFenBy !== undefined) {
        const by = f.unitPriceFenBy;
        if (!isObj(by) || !isText(by.field, 64) || !isObj(by.rates) || Object.keys(by.rates).length === 0 || !Object.values(by.rates).every(isFen)) {
          add(`${at}.unitPriceFenBy`, 'feeRuleShape', `unitPriceFenBy must be {field, rates: {value: fen from 0 to ${MAX_FEN}, ...}} with at least one rate`);
        }
      }
      if (f.unit !== undefined && !isText(f.unit, 32)) add(`${at}.unit`, 'feeRuleShape', 'unit must be a short text');
    } else {
      add(`${at}.kind`, 'isIn', `kind must be one of ${FEE_KINDS.join(', ')}`);
    }
    if (f.when !== undefined) {
      const ok = isObj(f.when) && Object.values(f.when).every((v) => isText(v, 100) || (Array.isArray(v) && v.length > 0 && v.every((x) => isText(x, 100))));
      if (!ok) add(`${at}.when`, 'feeRuleShape', 'when must map form fields to a value or a non-empty list of values');
    }
    if (f.exemptFor !== undefined && !(Array.isArray(f.exemptFor) && f.exemptFor.every((x) => isText(x, 64)))) {
      add(`${at}.exemptFor`, 'feeRuleShape', 'exemptFor must be a list of applicant categories');
    }
  });
}

function resultsProblems(results: unknown, facts: CatalogFacts, add: Add): void {
  if (!Array.isArray(results)) return add('results', 'isArray', 'results must be a list of what the item issues (it may be empty)');
  results.forEach((r, i) => {
    const at = `results.${i}`;
    if (!isObj(r)) return add(at, 'isObject', 'a result must be an object {department, name}');
    unknownKeys(r, RESULT_KEYS, at, add);
    if (typeof r.department !== 'string' || !facts.departments.has(r.department)) {
      add(`${at}.department`, 'knownDepartment', `no department ${JSON.stringify(r.department)} in the catalog`);
    }
    if (!isText(r.name)) add(`${at}.name`, 'isNotEmpty', 'name must be a non-empty text of at most 200 characters');
    if (r.validityYears !== undefined && !(Number.isInteger(r.validityYears) && (r.validityYears as number) >= 1 && (r.validityYears as number) <= 100)) {
      add(`${at}.validityYears`, 'isInt', 'validityYears must be a whole number of years 1-100 (or absent: no validity)');
    }
  });
}

function decidedByProblems(decidedBy: unknown, caseType: string | undefined, planDepartments: Set<string>, facts: CatalogFacts, add: Add): void {
  if (!isObj(decidedBy)) {
    return add('decidedBy', caseType === 'REPORTED' ? 'requiredForReported' : 'isObject', 'a REPORTED item (上报件) names who decides it: decidedBy {level, department}');
  }
  unknownKeys(decidedBy, ['level', 'department'], 'decidedBy', add);
  if (!includes(LEVELS, decidedBy.level)) add('decidedBy.level', 'isIn', `decidedBy.level must be one of ${LEVELS.join(', ')}`);
  if (typeof decidedBy.department !== 'string' || !facts.departments.has(decidedBy.department)) {
    add('decidedBy.department', 'knownDepartment', `no department ${JSON.stringify(decidedBy.department)} in the catalog`);
  } else if (!planDepartments.has(decidedBy.department)) {
    add('decidedBy.department', 'decidedByInPlan', `the deciding department ${decidedBy.department} must review the item in its reviewPlan`);
  }
}

function unknownKeys(o: Obj, allowed: string[], at: string, add: Add): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) add(at ? `${at}.${k}` : k, 'whitelist', `property ${k} should not exist`);
  }
}

function includes<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}
