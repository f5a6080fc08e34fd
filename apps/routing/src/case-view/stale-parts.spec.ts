import { Events, RoutingEvents, type DeliveryView, type NoticeView } from '#libs/contracts';
import type { StoredParts, WorkflowPart } from './parts.js';
import { Rechecks } from './rechecks.js';
import { NO_OWNER_PART, PARTS_OF_EVENT, recheckedParts, volatileParts } from './stale-parts.js';

describe('which events make which part of the case view stale', () => {
  it("classifies every event type there is that another service emits: a new one fails here until it is", () => {
    const routingOwn = new Set<string>(Object.values(RoutingEvents));
    const classified = new Set<string>([...Object.keys(PARTS_OF_EVENT), ...NO_OWNER_PART]);
    const unclassified = Object.values(Events).filter((t) => !routingOwn.has(t) && !classified.has(t));
    expect(unclassified).toEqual([]);
  });

  it('marks the tasks on every change approval tells of, the silent ones included', () => {
    for (const t of [Events.TaskDecided, Events.TaskCancelled, Events.TaskExtended, Events.TaskAssigned, Events.TasksChanged]) expect(PARTS_OF_EVENT[t]).toEqual(['tasks']);
  });
});

describe('parts read from their owner on every view while the owner may change them without an event', () => {
  const workflow = (status = 'APPROVED'): WorkflowPart => ({ status: status as WorkflowPart['status'], promisedDeadline: '', legalDeadline: '', suspensions: [] });
  const notice = (status: string, expiresAt = '2026-12-10T00:00:00+08:00') => ({ noticeNo: 'PN1', status, expiresAt }) as NoticeView;
  const delivery = (d: Partial<DeliveryView> & { addressWithheld?: true }) => ({ deliveryId: 'd1', method: 'WINDOW', status: 'READY', ...d }) as DeliveryView;
  const parts = (p: { notice?: NoticeView | null; deliveries?: DeliveryView[] }): StoredParts => ({
    notice: { rev: 'e1', fetchedRev: 'e1', value: p.notice ?? null },
    deliveries: { rev: 'e2', fetchedRev: 'e2', value: p.deliveries ?? [] },
  });
  const before = new Date('2026-12-09T12:00:00+08:00');
  const after = new Date('2026-12-10T00:00:01+08:00');

  it('an UNPAID notice once it is past its expiry (fees shows it EXPIRED from then on)', () => {
    expect(volatileParts(workflow(), parts({ notice: notice('UNPAID') }), before)).toEqual([]);
    expect(volatileParts(workflow(), parts({ notice: notice('UNPAID') }), after)).toEqual(['notice']);
    expect(volatileParts(workflow(), parts({ notice: notice('EXPIRED') }), after)).toEqual([]);
  });

  it("a withdrawn case's open notice and READY deliveries, until fees and delivery have closed them", () => {
    const open = parts({ notice: notice('PAID'), deliveries: [delivery({ status: 'READY' })] });
    expect(volatileParts(workflow('APPROVED'), open, before)).toEqual([]);
    expect(volatileParts(workflow('WITHDRAWN'), open, before)).toEqual(['notice', 'deliveries']);
    const closed = parts({ notice: notice('REFUND_DUE'), deliveries: [delivery({ status: 'CANCELLED' })] });
    expect(volatileParts(workflow('WITHDRAWN'), closed, before)).toEqual([]);
  });

  it('a dispatched courier parcel (its tracking), and a delivery kept without its address', () => {
    expect(volatileParts(workflow('DELIVERING'), parts({ deliveries: [delivery({ method: 'COURIER', status: 'DISPATCHED' })] }), before)).toEqual(['deliveries']);
    expect(volatileParts(workflow('DELIVERED'), parts({ deliveries: [delivery({ method: 'COURIER', status: 'DELIVERED' })] }), before)).toEqual([]);
    expect(volatileParts(workflow('DELIVERED'), parts({ deliveries: [delivery({ method: 'COURIER', status: 'DELIVERED', addressWithheld: true })] }), before)).toEqual([
      'deliveries',
    ]);
  });
});

describe('parts asked again from time to time', () => {
  it('an unpaid notice (fees decides its expiry by its own clock)', () => {
    expect(recheckedParts({ notice: { rev: 'e', fetchedRev: 'e', value: { status: 'UNPAID' } as never } })).toEqual(['notice']);
    expect(recheckedParts({ notice: { rev: 'e', fetchedRev: 'e', value: { status: 'PAID' } as never } })).toEqual([]);
    expect(recheckedParts({ notice: { rev: 'e', fetchedRev: 'e', value: null } })).toEqual([]);
  });

  it('at most once per interval per case, however often a screen looks', () => {
    const r = new Rechecks();
    expect([r.due('C1:notice', 5000, 0), r.due('C1:notice', 5000, 4999), r.due('C2:notice', 5000, 4999), r.due('C1:notice', 5000, 5000)]).toEqual([true, false, true, true]);
  });
});
