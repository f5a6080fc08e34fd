import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CaseDetailsView } from '#libs/contracts';
import { CaseViewChanges } from './case-view-changes.js';
import { CaseViewLoader } from './case-view.loader.js';

/**
 * GET /cases/{caseNo}: routing's case view with its ETag, and the long-poll of staff screens. Conditional answers are
 * Express's own, as for every GET of the gateway: res.send answers 304 without a body when `req.fresh`. Here the
 * ETag is the view's version (set before the answer, so Express makes none from the body), and `req.fresh` is the
 * If-None-Match condition alone (see `unchanged`).
 */
@Injectable()
export class CaseViewService {
  constructor(
    private readonly views: CaseViewLoader,
    private readonly changes: CaseViewChanges,
  ) {}

  async get(caseNo: string, waitSeconds: number, req: Request, res: Response, correlationId: string): Promise<CaseDetailsView> {
    // The scope check read it already for this request: no second RPC.
    let view = await this.views.load(caseNo, correlationId, req);
    if (!unchanged(view, req, res) || !waitSeconds) return view;
    const watch = await this.changes.listen(caseNo);
    const gone = new Promise<void>((resolve) => res.once('close', () => resolve()));
    try {
      const until = Date.now() + waitSeconds * 1000;
      // Read again now that the notices are heard: a change between the first read and the listening is not missed.
      view = await this.views.load(caseNo, correlationId);
      while (unchanged(view, req, res) && !res.writableEnded && !res.destroyed) {
        const left = until - Date.now();
        if (left <= 0) break;
        const woke = await watch.next(left, gone);
        if (res.destroyed) break;
        // Woken: the case may have moved. Out of time: once more, in case a notice was lost (routing relays them best-effort).
        view = await this.views.load(caseNo, correlationId);
        if (!woke) break;
      }
      unchanged(view, req, res); // the ETag and the 304 of the view answered, whichever read it came from
      return view;
    } finally {
      watch.close();
    }
  }
}

/**
 * Sets the view's ETag on the answer and tells whether the caller has it already. The ETag is made from the case and
 * its version, which moves whenever what the view shows moves; a view with degraded parts gets its own (its parts may
 * be out of date, so it must not stand for the complete one). Version 0 (routing has not picked the case up yet) has
 * none: Express's own, from the body, applies.
 */
function unchanged(view: CaseDetailsView, req: Request, res: Response): boolean {
  if (view.version === 0) {
    res.removeHeader('ETag');
    delete (req as { fresh?: boolean }).fresh; // Express's own check again (its ETag from the body)
    return false;
  }
  const etag = etagOf(view);
  res.setHeader('ETag', etag);
  // Express's `fresh` also calls a request with Cache-Control: no-cache stale, and fetch() (browsers', Node's) adds
  // that header to every request it sends If-None-Match with: a screen polling with fetch would never get its 304 nor
  // be held. An origin server evaluates If-None-Match whatever Cache-Control says (RFC 9110 §13.2.1), so this route's
  // freshness is the condition alone; res.send then answers 304 as usual.
  const holds = ifNoneMatch(req.headers['if-none-match'], etag);
  Object.defineProperty(req, 'fresh', { value: holds, configurable: true });
  return holds;
}

/** If-None-Match against one ETag: `*`, or any listed tag, compared weakly (W/ ignored), as RFC 9110 §13.1.2 says. */
export function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

export function etagOf(view: Pick<CaseDetailsView, 'caseNo' | 'version' | 'degraded'>): string {
  return `"${view.caseNo}.${view.version}${view.degraded?.length ? `.degraded-${view.degraded.join('-')}` : ''}"`;
}
