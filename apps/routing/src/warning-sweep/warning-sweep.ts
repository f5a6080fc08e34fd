import { Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { Events, type Actor, type WarningRaisedData, type WarningSweepReply } from '#libs/contracts';
import { UnitOfWork, type Tx } from '#libs/messaging';
import { RUNNING_CASE_STATUSES } from '../clock/clocks.js';
import { WarningRepository, type ClockSubject, type DueClockRow, type RaisedLevel } from '../clock/warning.repository.js';
import { levelsDue } from './levels-due.js';
import { TimelineWriter } from '../timeline/timeline-writer.js';

const SWEEP_ACTOR: Actor = { id: 'routing.warning-sweep', role: 'SYSTEM' };
/** Rows claimed per transaction; a sweep keeps taking batches until one comes back short. */
const BATCH = 200;

/**
 * 电子监察: raises yellow and red on the clocks whose time has come, each level once per case or task, however many
 * routing processes sweep at the same moment. A sweep claims due rows with `FOR UPDATE SKIP LOCKED` (another
 * process's sweep skips what this one holds, and finds it no longer due once this one commits), records each level
 * in routing.warnings (unique per case, task and level: a second raise cannot commit), and emits
 * routing.warning.raised.v1 onto the case's timeline through the outbox, all in one transaction.
 */
@Injectable()
export class WarningSweep {
  private readonly logger = new Logger('WarningSweep');
  readonly instance = `${hostname()}:${process.pid}`;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly warnings: WarningRepository,
    private readonly onTimeline: TimelineWriter,
  ) {}

  async execute(now: Date = new Date()): Promise<WarningSweepReply> {
    let claimed = 0;
    let raised = 0;
    for (const subject of ['CASE', 'TASK'] as const) {
      for (;;) {
        const r = await this.uow.run({ actor: SWEEP_ACTOR }, (tx) => this.batch(tx, subject, now));
        claimed += r.claimed;
        raised += r.raised;
        if (r.claimed < BATCH) break;
      }
    }
    if (raised) this.logger.log(`raised ${raised} warning(s) on ${claimed} clock(s)`);
    return { instance: this.instance, claimed, raised };
  }

  private async batch(tx: Tx, subject: ClockSubject, now: Date): Promise<{ claimed: number; raised: number }> {
    const rows = await this.warnings.claimDue(tx.manager, subject, now, BATCH);
    let raised = 0;
    for (const r of rows) {
      if (!RUNNING_CASE_STATUSES.includes(r.case_status)) {
        // The case ended without its clocks being closed (e.g. an older withdrawal): close them now, raise nothing.
        await this.warnings.closeClock(tx.manager, subject, r, now);
        continue;
      }
      const levels = levelsDue(
        { yellowAt: r.yellow_at, dueAt: r.due_at, yellowRaised: r.yellow_raised_at !== null, redRaised: r.red_raised_at !== null },
        now,
      );
      for (const level of levels) if (await this.raise(tx, subject, r, level, now)) raised++;
      // Whatever happened to the raise (a unique violation cannot happen under the row lock), the levels are done.
      await this.warnings.markRaised(tx.manager, subject, r, levels, now);
    }
    return { claimed: rows.length, raised };
  }

  private async raise(tx: Tx, subject: ClockSubject, r: DueClockRow, level: RaisedLevel, now: Date): Promise<boolean> {
    const id = await this.warnings.add(tx.manager, {
      caseNo: r.case_no,
      taskId: r.task_id ?? '',
      subject,
      department: r.department,
      level,
      dueAt: r.due_at,
      raisedAt: now,
    });
    if (!id) return false;
    const data: WarningRaisedData = {
      level,
      subject,
      ...(subject === 'TASK' ? { taskId: r.task_id!, stage: r.stage!, department: r.department! } : {}),
      dueAt: r.due_at.toISOString(),
    };
    const e = await this.onTimeline.emit(tx, Events.WarningRaised, r.case_no, data);
    await this.warnings.setEvent(tx.manager, id, e.id);
    return true;
  }
}
