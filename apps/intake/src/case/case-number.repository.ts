import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryOne } from '#libs/persistence';
import { formatCaseNo } from '../accept-case/case-number.js';

/** intake.case_number_counters: one counter per region and day (一事一号). */
@Injectable()
export class CaseNumberRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The next case number of a region and day (Asia/Shanghai date, YYYY-MM-DD). Runs on its own, outside the
   * acceptance transaction: the counter row is locked only for this one statement, so parallel acceptances do not
   * queue behind each other. A failed acceptance leaves a gap; a number is never handed out twice.
   */
  async allocate(region: string, day: string): Promise<string> {
    const row = await queryOne<{ last_seq: number }>(
      this.ds.manager,
      `INSERT INTO intake.case_number_counters (region, day, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (region, day) DO UPDATE SET last_seq = intake.case_number_counters.last_seq + 1
       RETURNING last_seq`,
      [region, day],
    );
    return formatCaseNo(region, day, row!.last_seq);
  }
}
