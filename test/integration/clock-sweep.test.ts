import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Events } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { dataSourceOptions, runMigrations } from '#libs/persistence';
import { migrations } from '../../apps/routing/src/migrations/index.js';
import { WarningRepository } from '../../apps/routing/src/clock/warning.repository.js';
import { TimelineRepository } from '../../apps/routing/src/timeline/timeline.repository.js';
import { TimelineWriter } from '../../apps/routing/src/timeline/timeline-writer.js';
import { WarningSweep } from '../../apps/routing/src/warning-sweep/warning-sweep.js';
import { freshDatabase } from '../support/infra.js';

/**
 * The warning sweep against real PostgreSQL, from two "replicas" (two connection pools, four sweeps at once) over
 * more clocks than one batch holds: every due level is raised exactly once, with its event in the outbox and its
 * entry on the timeline; paused, closed and not-yet-due clocks raise nothing; a clock whose case ended is closed.
 */
describe('warning sweep under concurrency', () => {
  let db: { url: string; drop: () => Promise<void> };
  const pools: DataSource[] = [];
  const CASES = 150;

  beforeAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    db = await freshDatabase('h4a_clock');
    for (let i = 0; i < 2; i++) {
      const ds = new DataSource(dataSourceOptions(db.url, 'routing', migrations, 6));
      await ds.initialize();
      pools.push(ds);
    }
    await runMigrations(pools[0], 'routing');
    const q = (sql: string) => pools[0].query(sql);
    // 150 cases in review, each with its own clock and two task clocks, all past due (yellow and red are both due).
    await q(`INSERT INTO routing.workflows (case_no, item_code, item_name, plan, current_stage, status, accepted_at, promised_deadline, legal_deadline)
             SELECT 'C' || i, 'RE-TRANSFER', '不动产转移登记', '[]', 1, 'IN_REVIEW', now() - interval '10 days', now() - interval '1 hour', now() + interval '20 days'
               FROM generate_series(1, ${CASES}) i`);
    await q(`INSERT INTO routing.case_clocks (case_no, item_code, item_name, started_at, due_at, status, yellow_at)
             SELECT 'C' || i, 'RE-TRANSFER', '不动产转移登记', now() - interval '10 days', now() - interval '1 hour', 'OPEN', now() - interval '2 days'
               FROM generate_series(1, ${CASES}) i`);
    await q(`INSERT INTO routing.task_clocks (case_no, stage, department, task_id, item_code, item_name, started_at, due_at, status, yellow_at)
             SELECT 'C' || i, 1, d, 'T' || i || d, 'RE-TRANSFER', '不动产转移登记', now() - interval '10 days', now() - interval '1 hour', 'OPEN', now() - interval '2 days'
               FROM generate_series(1, ${CASES}) i, unnest(ARRAY['TAX', 'NRB']) d`);
    // Not to be touched: a paused clock, a closed one, one not yet due, and one whose case was withdrawn.
    await q(`INSERT INTO routing.workflows (case_no, item_code, item_name, plan, current_stage, status, accepted_at, promised_deadline, legal_deadline)
             VALUES ('P1', 'X', 'x', '[]', 1, 'SUSPENDED', now(), now(), now()), ('W1', 'X', 'x', '[]', 1, 'WITHDRAWN', now(), now(), now())`);
    await q(`INSERT INTO routing.task_clocks (case_no, stage, department, task_id, item_code, item_name, started_at, due_at, status, yellow_at)
             VALUES ('P1', 1, 'TAX', 'TP', 'X', 'x', now() - interval '9 days', now() - interval '1 hour', 'PAUSED', now() - interval '2 days'),
                    ('C1', 2, 'HUD', 'TC', 'X', 'x', now() - interval '9 days', now() - interval '1 hour', 'CLOSED', now() - interval '2 days'),
                    ('C2', 2, 'HUD', 'TF', 'X', 'x', now(), now() + interval '5 days', 'OPEN', now() + interval '4 days'),
                    ('W1', 1, 'TAX', 'TW', 'X', 'x', now() - interval '9 days', now() - interval '1 hour', 'OPEN', now() - interval '2 days')`);
  });

  afterAll(async () => {
    for (const ds of pools) await ds.destroy();
    await db?.drop();
  });

  it('raises every due level once, however many sweeps run at the same moment', async () => {
    const sweeps = pools.map((ds) => new WarningSweep(new UnitOfWork(ds, 'routing'), new WarningRepository(ds), new TimelineWriter(new TimelineRepository(ds))));
    const replies = await Promise.all([sweeps[0].execute(), sweeps[1].execute(), sweeps[0].execute(), sweeps[1].execute()]);
    const expected = CASES * 3 * 2; // (case + two tasks) × (yellow + red)
    expect(replies.reduce((n, r) => n + r.raised, 0)).toBe(expected);
    expect((await sweeps[1].execute()).raised).toBe(0);

    const [w] = await pools[0].query(`SELECT count(*)::int AS n, count(DISTINCT (case_no, task_id, level))::int AS d, count(event_id)::int AS e FROM routing.warnings`);
    expect(w).toEqual({ n: expected, d: expected, e: expected });
    const [o] = await pools[0].query(`SELECT count(*)::int AS n FROM routing.outbox WHERE type = $1`, [Events.WarningRaised]);
    expect(o.n).toBe(expected);
    const [t] = await pools[0].query(`SELECT count(*)::int AS n FROM routing.timeline WHERE type = $1`, [Events.WarningRaised]);
    expect(t.n).toBe(expected);
    const perTask = await pools[0].query(
      `SELECT data->>'level' AS level, count(*)::int AS n FROM routing.timeline WHERE case_no = 'C7' AND type = $1 GROUP BY 1 ORDER BY 1`,
      [Events.WarningRaised],
    );
    expect(perTask).toEqual([
      { level: 'RED', n: 3 },
      { level: 'YELLOW', n: 3 },
    ]);

    // Nothing left to look at: the index the sweep reads has no due rows.
    const [due] = await pools[0].query(`SELECT count(*)::int AS n FROM routing.task_clocks WHERE next_check_at <= now()`);
    expect(due.n).toBe(0);
    const untouched = await pools[0].query(`SELECT task_id, status, outcome FROM routing.task_clocks WHERE task_id IN ('TP', 'TC', 'TF', 'TW') ORDER BY task_id`);
    expect(untouched).toEqual([
      { task_id: 'TC', status: 'CLOSED', outcome: null },
      { task_id: 'TF', status: 'OPEN', outcome: null },
      { task_id: 'TP', status: 'PAUSED', outcome: null },
      { task_id: 'TW', status: 'CLOSED', outcome: 'WITHDRAWN' },
    ]);
    const [none] = await pools[0].query(`SELECT count(*)::int AS n FROM routing.warnings WHERE task_id IN ('TP', 'TC', 'TF', 'TW')`);
    expect(none.n).toBe(0);
  });
});
