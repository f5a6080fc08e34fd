import { Inject, Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import type { ServiceConfig } from '#libs/config';
import { AppError, ErrorCodes, Rpc, type CaseBlockView, type CaseDetailsView, type CaseViewOwner, type CaseViewQuery } from '#libs/contracts';
import { caseBlocks, NATS_CONNECTION, RpcClient, UnitOfWork } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import { caseNoOf } from '../workflow/case-no-query.js';
import { caseDetails } from './case-details.js';
import { CaseViewProjection } from './case-view-projection.js';
import { CaseViewRepository, type CaseViewRow } from './case-view.repository.js';
import { applyFetched, blocksDiffer, type FetchedPart } from './compare-and-set.js';
import { OwnerParts } from './owner-parts.js';
import { intakePart, isStale, OWNER_OF, OWNER_PARTS, storedValue, type FetchedValues, type PartName, type StoredDelivery } from './parts.js';
import { Rechecks } from './rechecks.js';
import { RECHECK_MS, recheckedParts, volatileParts } from './stale-parts.js';

/** Rounds of fetching a part whose owner keeps changing it while it is fetched, before it is shown as degraded. */
const ROUNDS = 3;

type Row = CaseViewRow & { ticket: number };

/**
 * rpc.routing.case.view: the case view from routing.case_views, one indexed read when nothing changed since the last
 * one. A part an owner's event marked stale (or one the owner may change silently: volatileParts) is fetched from its
 * owner and written back under the compare-and-set rule (compare-and-set.ts), then shown; an owner that does not
 * answer leaves its part last known (or unknown) and is named in `degraded`. The dead letters of the case are looked
 * up on every read (they are no event); when they moved, they are written back with a new version.
 */
@Injectable()
export class GetCaseView {
  constructor(
    private readonly ds: DataSource,
    private readonly uow: UnitOfWork,
    private readonly views: CaseViewRepository,
    private readonly projection: CaseViewProjection,
    private readonly owners: OwnerParts,
    private readonly rechecks: Rechecks,
    private readonly rpc: RpcClient,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(query: CaseViewQuery, correlationId: string): Promise<CaseDetailsView> {
    const caseNo = caseNoOf(query);
    const asking = { correlationId, timeoutMs: partTimeout(query?.partTimeoutMs, this.config.casePartTimeoutMs) };
    const lookup = this.blocksOf(caseNo);
    const first = await this.views.read(this.ds.manager, caseNo);
    if (!first && !(await this.projection.addMissing(caseNo))) return this.notPickedUp(caseNo, await lookup, correlationId);
    let row: Row = first ?? (await this.views.read(this.ds.manager, caseNo))!;
    const blocks = await lookup;
    const live: Partial<FetchedValues> = {};
    const down = new Set<PartName>();
    for (let round = 0; round < ROUNDS; round++) {
      const stale = OWNER_PARTS.filter((p) => isStale(row.parts[p]) && !down.has(p));
      const volatile = round === 0 ? this.askAgain(row, stale) : [];
      const wanted = [...stale, ...volatile];
      if (!wanted.length && !(blocks && blocksDiffer(row.blocks, blocks))) break;
      const revs = wanted.map((part) => ({ part, rev: row.parts[part]?.rev ?? '' }));
      const answers = await this.owners.fetch(caseNo, revs, asking);
      const fetched: FetchedPart[] = [];
      for (const { part, rev } of revs) {
        const a = answers.get(part)!;
        if (!a.ok) down.add(part);
        else {
          (live as Record<PartName, unknown>)[part] = a.value;
          fetched.push({ part, value: storedValue(part, a.value), rev } as FetchedPart);
        }
      }
      row = await this.writeBack(row, fetched, blocks);
    }
    return this.answer(row, live, down);
  }

  /** Fresh parts to ask of their owner all the same: those it may change silently, and those rechecked now and then. */
  private askAgain(row: Row, stale: PartName[]): PartName[] {
    const silent = volatileParts(row.workflow, row.parts, new Date());
    const rechecked = recheckedParts(row.parts).filter((p) => !silent.includes(p) && this.rechecks.due(`${row.case_no}:${p}`, RECHECK_MS));
    return [...silent, ...rechecked].filter((p) => !stale.includes(p));
  }

  /** Writes back under the row's lock what the rule lets through; the row as it then stands (this read's ticket kept). */
  private writeBack(row: Row, fetched: FetchedPart[], blocks: CaseBlockView[] | undefined): Promise<Row> {
    return this.uow.run({ actor: { id: 'routing', role: 'SYSTEM' } }, async (tx) => {
      const kept = (await this.views.lock(tx.manager, row.case_no))!;
      const applied = applyFetched(kept.parts, fetched, row.ticket);
      const blocksMoved = !!blocks && blocksDiffer(kept.blocks, blocks);
      if (!applied.written.length && !blocksMoved) return { ...kept, ticket: row.ticket };
      const next = { ...kept, parts: applied.parts, blocks: blocksMoved ? blocks! : kept.blocks, ticket: row.ticket };
      const { version, asOf } = await this.views.writeBack(tx.manager, row.case_no, { parts: next.parts, blocks: next.blocks, changed: applied.changed || blocksMoved });
      return { ...next, version, as_of: asOf };
    });
  }

  private answer(row: Row, live: Partial<FetchedValues>, down: Set<PartName>): CaseDetailsView {
    const degraded = new Set<CaseViewOwner>();
    const known = <P extends PartName>(p: P) => {
      const kept = row.parts[p];
      // Still stale (its owner did not answer, or kept changing it), or asked and not answered: maybe out of date.
      if (isStale(kept) || down.has(p)) degraded.add(OWNER_OF[p]);
      return kept?.fetchedRev !== undefined ? kept.value : undefined;
    };
    const intake = known('intake');
    // Without intake's record there is no view to show: as when intake alone was asked, that is a 503.
    if (!intake) throw new AppError(ErrorCodes.UNAVAILABLE, 'The intake service is not answering; try again shortly.', 503, { service: 'intake' });
    return caseDetails({
      intake,
      workflow: row.workflow,
      tasks: known('tasks'),
      opinions: known('opinions'),
      notice: known('notice'),
      deliveries: this.deliveries(known('deliveries'), live.deliveries, degraded),
      blocks: row.blocks,
      degraded: [...degraded],
      asOf: toShanghai(row.as_of)!,
      version: row.version,
    });
  }

  /** The deliveries with their addresses, which only this read's answer from delivery has (routing keeps none). */
  private deliveries(kept: StoredDelivery[] | undefined, live: FetchedValues['deliveries'] | undefined, degraded: Set<CaseViewOwner>) {
    if (!kept) return undefined;
    if (live && isDeepStrictEqual(storedValue('deliveries', live), kept)) return live;
    if (kept.some((d) => d.addressWithheld)) degraded.add('delivery');
    return kept.map(({ addressWithheld: _, ...d }) => d);
  }

  /** Routing has not picked the case up yet: intake's record (its 404 is the answer for an unknown case); nothing after it exists yet. */
  private async notPickedUp(caseNo: string, blocks: CaseBlockView[] | undefined, correlationId: string): Promise<CaseDetailsView> {
    const c = intakePart(await this.rpc.request(Rpc.intake.getCase, { caseNo }, { correlationId }));
    // Tasks, opinions, the notice and the deliveries all start from events routing emits once it has the case.
    return caseDetails({ intake: c, workflow: null, tasks: [], opinions: [], notice: null, deliveries: [], blocks: blocks ?? [], degraded: [], asOf: c.acceptedAt, version: 0 });
  }

  /** The case's parked events, one per consumer, oldest first; undefined when the lookup failed (the kept ones stand). */
  private async blocksOf(caseNo: string): Promise<CaseBlockView[] | undefined> {
    try {
      const blocks = await caseBlocks(this.nc, this.config.namespace, caseNo);
      return blocks
        .map((b) => ({
          service: b.service,
          consumer: b.consumer,
          ...(b.eventType ? { eventType: b.eventType } : {}),
          reason: b.reason,
          parkedAt: toShanghai(new Date(b.parkedAt))!,
          deadLetterSeq: b.seq,
        }))
        .sort((a, b) => a.parkedAt.localeCompare(b.parkedAt) || a.consumer.localeCompare(b.consumer));
    } catch {
      return undefined;
    }
  }
}

/** The caller's wait for each owner, if it is a sane one (1 ms to 30 s). */
function partTimeout(asked: unknown, fallback: number): number {
  return typeof asked === 'number' && Number.isInteger(asked) && asked >= 1 && asked <= 30_000 ? asked : fallback;
}
