import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '#libs/persistence';
import { isValidCaseNo } from '../../apps/intake/src/accept-case/case-number.js';
import { CaseNumberRepository } from '../../apps/intake/src/case/case-number.repository.js';
import { migrations } from '../../apps/intake/src/migrations/index.js';
import { freshDatabase } from '../support/infra.js';

/**
 * 一事一号 against real PostgreSQL: many acceptances numbering cases at the same moment, from two "replicas" (two
 * connection pools), never get the same number.
 */
describe('case number allocation under concurrency', () => {
  let db: { url: string; drop: () => Promise<void> };
  const pools: DataSource[] = [];
  const numbering: CaseNumberRepository[] = [];

  beforeAll(async () => {
    db = await freshDatabase('h3_caseno');
    for (let i = 0; i < 2; i++) {
      const ds = new DataSource(dataSourceOptions(db.url, 'intake', migrations, 20));
      await ds.initialize();
      pools.push(ds);
      numbering.push(new CaseNumberRepository(ds));
    }
    await runMigrations(pools[0], 'intake');
  });

  afterAll(async () => {
    for (const ds of pools) await ds.destroy();
    await db?.drop();
  });

  it('hands out 1,000 parallel allocations 1,000 distinct, valid numbers', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => numbering[i % 2].allocate('510704', '2026-11-23')),
    );
    expect(new Set(numbers).size).toBe(1000);
    for (const no of numbers) {
      expect(no).toMatch(/^51070420261123\d{6}[\dX]$/);
      expect(isValidCaseNo(no)).toBe(true);
    }
    // Every allocation committed, so the daily sequence is exactly 1..1000 (a failed acceptance would leave a gap).
    const seqs = numbers.map((n) => Number(n.slice(14, 20))).sort((a, b) => a - b);
    expect(seqs[0]).toBe(1);
    expect(seqs[999]).toBe(1000);
    const [{ last_seq }] = await pools[0].query(`SELECT last_seq FROM intake.case_number_counters WHERE region = '510704' AND day = '2026-11-23'`);
    expect(last_seq).toBe(1000);
  });

  it('counts each region and day on its own', async () => {
    const [a, b, c] = await Promise.all([
      numbering[0].allocate('510705', '2026-11-23'),
      numbering[1].allocate('510704', '2026-11-24'),
      numbering[0].allocate('510704', '2026-11-23'),
    ]);
    expect(a.slice(0, 20)).toBe('51070520261123000001');
    expect(b.slice(0, 20)).toBe('51070420261124000001');
    expect(c.slice(0, 20)).toBe('51070420261123001001');
  });
});
