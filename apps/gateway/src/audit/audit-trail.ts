import { Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth-user.js';
import { correlationIdOf } from '../http/correlation-id.js';
import { AuditRepository } from './audit.repository.js';
import type { RequestEntry } from './request-entry.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PREFIX = '/api/v1';
/** Body fields kept, and only with a code-like value: none of them can hold a name, an ID number, a phone or an address. */
const BODY_WHITELIST = ['decision', 'itemCode', 'method', 'channel'] as const;
const CODE_LIKE = /^[A-Za-z0-9_.-]{1,64}$/;
const ANSWER_CODE = /^[A-Z0-9_.]{1,64}$/;
const CENTER = /^[A-Za-z0-9_-]{1,32}$/;
const CASE_NO = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_PARAM = 100;

/** `/api/v1/tasks/:taskId/decision` → `/tasks/{taskId}/decision`. */
export function routeTemplate(path: string): string {
  const bare = path.startsWith(PREFIX) ? path.slice(PREFIX.length) || '/' : path;
  return bare.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * The audit record of requests (issue #11), in one place: an Express middleware the gateway mounts first (before
 * the body parser, the input guard, the guards), so every state-changing request is recorded whatever refused it —
 * a 413 or 415 at the parser, a 400 at the input guard, a 401/403/429 at a guard, a service's 4xx, a 5xx. It only
 * listens: when the answer has gone (the response's `close`), it appends one entry to the chain. The entry is
 * written after the answer, so recording adds nothing to the request's time; a failed write is logged as an error
 * with the correlation id (the change itself, if any, is committed by then in its service either way).
 *
 * Logins, refreshes, logouts and bank callbacks are recorded too (they change state), with no body: the details are
 * their own logs' (gateway.security_log, fees.bank_callbacks).
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('audit');

  constructor(private readonly audit: AuditRepository) {}

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (!STATE_CHANGING.has(req.method)) return next();
    let answered: unknown;
    const json = res.json.bind(res);
    res.json = (body?: unknown) => {
      answered = body;
      return json(body);
    };
    res.once('close', () => {
      const entry = this.entryOf(req as Request & AuthenticatedRequest, res, answered);
      this.audit.append(entry).catch((e: unknown) =>
        this.logger.error(`could not record ${entry.method} ${entry.route} → ${entry.status} [${entry.correlationId}]: ${(e as Error)?.message}`),
      );
    });
    next();
  };

  private entryOf(req: Request & AuthenticatedRequest, res: Response, answered: unknown): RequestEntry {
    const route = (req as { route?: { path?: unknown } }).route?.path;
    const params: Record<string, string> = {};
    if (typeof route === 'string') {
      for (const [k, v] of Object.entries((req.params ?? {}) as Record<string, unknown>)) if (typeof v === 'string') params[k] = v.slice(0, MAX_PARAM);
    }
    const answer = answered && typeof answered === 'object' && !Array.isArray(answered) ? (answered as Record<string, unknown>) : {};
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
    const data: Record<string, string | boolean> = {};
    for (const f of BODY_WHITELIST) if (typeof body[f] === 'string' && CODE_LIKE.test(body[f])) data[f] = body[f];
    if (res.getHeader('Idempotent-Replayed') === 'true') data.replayed = true;
    const caseNo = [params.caseNo, answer.caseNo].find((c): c is string => typeof c === 'string' && CASE_NO.test(c)) ?? null;
    const centers = req.user?.centers ?? [];
    const center = typeof body.centerCode === 'string' && CENTER.test(body.centerCode) ? body.centerCode : centers.length === 1 ? centers[0] : null;
    const code = res.statusCode >= 400 && typeof answer.code === 'string' && ANSWER_CODE.test(answer.code) ? answer.code : null;
    return {
      at: new Date().toISOString(),
      user: req.user?.username ?? null,
      role: req.actor?.role ?? null,
      onBehalfOf: req.actor?.onBehalfOf ?? null,
      department: req.actor?.department ?? req.user?.department ?? null,
      method: req.method,
      route: typeof route === 'string' ? routeTemplate(route) : '(no route)',
      params,
      caseNo,
      center,
      ip: req.ip ?? null,
      status: res.statusCode,
      // An answer that never finished (the client went away) says so.
      code: code ?? (res.writableFinished ? null : 'CLIENT_CLOSED'),
      data,
      correlationId: correlationIdOf(req),
    };
  }
}
