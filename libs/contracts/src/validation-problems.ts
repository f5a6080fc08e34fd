import type { ValidationError } from 'class-validator';
import type { Problem } from './errors.js';

/** Rules about what a value is; when one fails, the rules about its size or contents only add noise. */
const TYPE_RULES = new Set(['isString', 'isArray', 'isObject', 'isBoolean', 'isInt', 'isNumber']);

/**
 * class-validator nests the problems of nested objects and arrays; the answer lists every one of them flat, with
 * the dotted path of the field (`applicant.idNumber`, `materials.0.code`), so a client can point at each input.
 * Every field with a problem is listed; within a field, what follows from another problem is left out: a missing
 * field is one problem ("is required"), not "must be a string, must not be empty, must be shorter than 64".
 * The gateway's 400 and a service checking a command with the same schema (checkCommand) list problems alike.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): Problem[] {
  const problems: Problem[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    problems.push(...problemsOfField(e, field));
    if (e.children?.length) problems.push(...flattenValidationErrors(e.children, field));
  }
  return problems;
}

function problemsOfField(e: ValidationError, field: string): Problem[] {
  const broken = Object.entries(e.constraints ?? {});
  if (!broken.length) return [];
  if ('value' in e && (e.value === undefined || e.value === null)) {
    const notEmpty = e.constraints?.isNotEmpty;
    // A message written for the field (e.g. "address is required for a COURIER delivery") says more than ours.
    const custom = notEmpty && notEmpty !== `${e.property} should not be empty` ? notEmpty : undefined;
    return [{ field, rule: 'isDefined', message: custom ?? `${e.property} is required` }];
  }
  const typeProblems = broken.filter(([rule]) => TYPE_RULES.has(rule));
  return (typeProblems.length ? typeProblems : broken).map(([rule, message]) => ({ field, rule, message }));
}
