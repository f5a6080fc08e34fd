import type { NextFunction, Request, Response } from 'express';
import { jsonProblems, textProblem, type InputProblem } from '#libs/checks';
import { errorAnswer } from './error-answer.js';
import { RequestInvalid } from './request-invalid.js';

/**
 * The edge of the system: every body, query and path is held to the global input rule (libs/checks input-rules)
 * before any code of ours walks it — the idempotency hash, validation, a service. A request that breaks it gets a 400
 * listing every problem and changes nothing.
 */
export function inputGuard(req: Request, res: Response, next: NextFunction): void {
  const problems = [...pathProblems(req.path), ...jsonProblems(req.query, 'query'), ...(req.body === undefined ? [] : jsonProblems(req.body, 'body'))];
  if (!problems.length) return next();
  const answer = errorAnswer(new RequestInvalid(problems))!;
  res.status(answer.status).json(answer.body);
}

function pathProblems(path: string): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      problems.push({ field: 'path', rule: 'encoding', message: 'the path has a malformed %-escape' });
      continue;
    }
    const p = textProblem(decoded, 200);
    if (p) problems.push({ field: 'path', rule: 'text', message: `a path segment ${p}` });
  }
  return problems;
}
