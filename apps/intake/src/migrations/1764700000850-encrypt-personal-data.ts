import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICANT_FIELDS, DELIVERY_CONTACT_FIELDS, PiiKeyring, sealFields } from '#libs/crypto';

type Row = Record<string, unknown> & { key: string };

/**
 * Issue #11 (个人信息保护法): seals the ID numbers, phones and addresses intake already keeps, with the keys the
 * service was started with (PII_KEYS / PII_KEY_FILE, or the development keys outside production): the applicant of
 * intake.cases, one_time_notices and refusals, a case's delivery contact, and the acceptance events still in the
 * outbox (rewritten to the shape intake publishes now: type in clear, the rest in sealedPersonalData). Values already
 * sealed are skipped, so a run cut short is simply run again. Not reversible (down does nothing): opening everything
 * again would need the keys and would put the data back in clear.
 */
export function encryptPersonalData(keyring: PiiKeyring): new () => MigrationInterface {
  return class EncryptPersonalData1764700000850 implements MigrationInterface {
    name = 'EncryptPersonalData1764700000850';

    async up(q: QueryRunner): Promise<void> {
      await each(q, 'intake.cases', 'case_no', 'applicant, delivery', 'TRUE', async (r) => {
        const applicant = sealFields(keyring, r.applicant as object, APPLICANT_FIELDS);
        const delivery = sealFields(keyring, r.delivery as object, DELIVERY_CONTACT_FIELDS);
        if (same(applicant, r.applicant) && same(delivery, r.delivery)) return;
        await q.query(`UPDATE intake.cases SET applicant = $2::jsonb, delivery = $3::jsonb WHERE case_no = $1`, [r.key, JSON.stringify(applicant), JSON.stringify(delivery)]);
      });
      for (const [table, key] of [['one_time_notices', 'notice_no'], ['refusals', 'refusal_no']] as const) {
        await each(q, `intake.${table}`, key, 'applicant', 'TRUE', async (r) => {
          const applicant = sealFields(keyring, r.applicant as object | null, APPLICANT_FIELDS);
          if (same(applicant, r.applicant)) return;
          await q.query(`UPDATE intake.${table} SET applicant = $2::jsonb WHERE ${key} = $1`, [r.key, JSON.stringify(applicant)]);
        });
      }
      await each(q, 'intake.outbox', 'id', 'envelope', `type = 'intake.case.accepted.v1'`, async (r) => {
        const envelope = r.envelope as { data?: Record<string, unknown> };
        const d = envelope?.data;
        if (!d || d.sealedPersonalData !== undefined) return;
        const applicant = (d.applicant ?? {}) as { type?: string };
        const delivery = (d.delivery ?? {}) as { method?: string; pickupCenter?: string };
        const data = {
          ...d,
          applicant: { type: applicant.type },
          delivery: { method: delivery.method, ...(delivery.pickupCenter ? { pickupCenter: delivery.pickupCenter } : {}) },
          sealedPersonalData: keyring.sealJson({ applicant, delivery }),
        };
        await q.query(`UPDATE intake.outbox SET envelope = $2::jsonb WHERE id = $1::uuid`, [r.key, JSON.stringify({ ...envelope, data })]);
      });
    }

    async down(): Promise<void> {
      // Left sealed on purpose (see above).
    }
  };
}

/** Every row of `table` that matches `where`, 500 at a time in key order, with its key as `key` and `columns`. */
async function each(q: QueryRunner, table: string, key: string, columns: string, where: string, visit: (r: Row) => Promise<void>): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: Row[] = await q.query(
      `SELECT ${key}::text AS key, ${columns} FROM ${table} WHERE (${where}) AND ($1::text IS NULL OR ${key}::text > $1) ORDER BY ${key}::text LIMIT 500`,
      [after],
    );
    for (const r of rows) await visit(r);
    if (rows.length < 500) return;
    after = rows[rows.length - 1].key;
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
