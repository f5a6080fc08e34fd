import { Injectable } from '@nestjs/common';
import type { EventDataMap, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { TimelineRepository } from './timeline.repository.js';

/** Routing's own events: each goes on the case's timeline as it is emitted. */
@Injectable()
export class TimelineWriter {
  constructor(private readonly timeline: TimelineRepository) {}

  /** Emits through the outbox and puts the event on the case's timeline in the same transaction. */
  async emit<K extends keyof EventDataMap>(tx: Tx, type: K, caseNo: string, data: EventDataMap[K]): Promise<EventEnvelope<EventDataMap[K]>> {
    const e = tx.emit(type, caseNo, data);
    await this.timeline.record(tx.manager, e);
    return e;
  }
}
