import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DELIVERY_CONTACT_FIELDS, PiiKeyring, sealFields } from '#libs/crypto';
import { rekeyIdHash } from '../case-profile/id-hash.js';

type Row = Record<string, unknown> & { key: string };

/**
 * Issue #11 (个人信息保护法): seals the phones and addresses delivery already keeps, with the keys the service was
 * started with (PII_KEYS / PII_KEY_FILE, or the development keys outside production): a case profile's delivery
 * contact, a delivery's phone, address and postal address, the notify recipient's and each notification's phone.
 * The unkeyed SHA-256 id_hash of a case profile becomes the keyed HMAC over it (idLookup computes the same at pickup).
 * Values already sealed or keyed are skipped, so a run cut short is simply run again. Not reversible: down does nothing.
 */
export function encryptPersonalData(keyring: PiiKeyring): new () => MigrationInterface {
  return class EncryptPersonalData1764700000850 implements MigrationInterface {
    name = 'EncryptPersonalData1764700000850';

    async up(q: QueryRunner): Promise<void> {
      const seal = (v: unknown): unknown => (typeof v === 'string' && !PiiKeyring.isSealed(v) ? keyring.seal(v) : v);
      await each(q, 'delivery.case_profiles', 'case_no', 'delivery, id_hash', async (r) => {
        const delivery = sealFields(keyring, r.delivery as object | null, DELIVERY_CONTACT_FIELDS);
        const idHash = typeof r.id_hash === 'string' && /^[0-9a-f]{64}$/.test(r.id_hash) ? rekeyIdHash(keyring, r.id_hash) : r.id_hash;
        if (JSON.stringify(delivery) === JSON.stringify(r.delivery) && idHash === r.id_hash) return;
        await q.query(`UPDATE delivery.case_profiles SET delivery = $2::jsonb, id_hash = $3 WHERE case_no = $1`, [r.key, JSON.stringify(delivery), idHash]);
      });
      await each(q, 'delivery.deliveries', 'id', 'phone, address, postal_address', async (r) => {
        const postal = r.postal_address === null || PiiKeyring.isSealed(r.postal_address) ? r.postal_address : keyring.sealJson(r.postal_address);
        const [phone, address] = [seal(r.phone), seal(r.address)];
        if (phone === r.phone && address === r.address && postal === r.postal_address) return;
        await q.query(`UPDATE delivery.deliveries SET phone = $2, address = $3, postal_address = $4::jsonb WHERE id = $1::uuid`, [
          r.key, phone, address, postal === null ? null : JSON.stringify(postal),
        ]);
      });
      for (const [table, key] of [['delivery.notify_recipients', 'case_no'], ['delivery.notifications', 'id']] as const) {
        await each(q, table, key, 'phone', async (r) => {
          if (PiiKeyring.isSealed(r.phone)) return;
          await q.query(`UPDATE ${table} SET phone = $2 WHERE ${key}::text = $1`, [r.key, seal(r.phone)]);
        });
      }
    }

    async down(): Promise<void> {
      // Left sealed on purpose (see above).
    }
  };
}

/** Every row of `table`, 500 at a time in key order, with its key as `key` and `columns`. */
async function each(q: QueryRunner, table: string, key: string, columns: string, visit: (r: Row) => Promise<void>): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows: Row[] = await q.query(
      `SELECT ${key}::text AS key, ${columns} FROM ${table} WHERE ($1::text IS NULL OR ${key}::text > $1) ORDER BY ${key}::text LIMIT 500`,
      [after],
    );
    for (const r of rows) await visit(r);
    if (rows.length < 500) return;
    after = rows[rows.length - 1].key;
  }
}
