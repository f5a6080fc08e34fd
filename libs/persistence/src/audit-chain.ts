import { createHash } from 'node:crypto';

/**
 * Hash chains for the audit record (issue #11, 电子监察留痕): each entry carries the hash of the entry before it and
 * `hash = SHA-256(prev_hash || content)`, hex, where `content` is the entry's canonical JSON (keys sorted, undefined
 * left out). The append computes the same thing in SQL (`AUDIT_HASH_SQL`) while it holds the chain head's row lock,
 * so entries are numbered and linked in exactly the order they commit; verification recomputes it here, in
 * JavaScript, from the stored columns. Both sides hash the same UTF-8 bytes.
 */
export const GENESIS_HASH = '0'.repeat(64);

export function chainHash(prevHash: string, content: string): string {
  return createHash('sha256').update(prevHash + content, 'utf8').digest('hex');
}

/**
 * The SQL of one append's link, for `UPDATE <schema>.audit_chain SET ${AUDIT_LINK_SQL('$n')} WHERE chain = …`:
 * the head moves to the next number and hash, and keeps the hash it had as `prev_hash` (SET reads the old row), so
 * `RETURNING seq, prev_hash, hash` gives the new entry's number and both its hashes. The UPDATE's row lock is held
 * until the writing transaction ends: appends to one chain are serialized, in commit order.
 */
export const AUDIT_LINK_SQL = (contentParam: string) =>
  `seq = seq + 1, prev_hash = hash, hash = encode(sha256(convert_to(hash || ${contentParam}, 'UTF8')), 'hex')`;

/** One stored entry as verification reads it: its number, time, stored hashes and the canonical text of its content. */
export interface ChainEntry {
  id: number;
  at: string;
  prevHash: string;
  hash: string;
  content: string;
}

export interface BrokenLink {
  id: number;
  at: string;
  reason: string;
}

/**
 * Walks entries in number order after `previous` (the entry just before the first, or null at the chain's start)
 * and names the first one that does not hold: a number skipped (entries removed), a prev_hash that is not the
 * previous entry's hash (an entry removed or replaced), or a hash that is not the hash of its own content (changed).
 */
export class ChainWalker {
  private last: { id: number; hash: string } | null;
  checked = 0;
  broken: BrokenLink | null = null;

  constructor(previous: { id: number; hash: string } | null) {
    this.last = previous;
  }

  /** False once a link is broken (the rest is not looked at). */
  step(e: ChainEntry): boolean {
    if (this.broken) return false;
    this.checked++;
    const expectedId = this.last ? this.last.id + 1 : e.id;
    const expectedPrev = this.last ? this.last.hash : e.id === 1 ? GENESIS_HASH : e.prevHash;
    if (e.id !== expectedId) this.broken = { id: e.id, at: e.at, reason: `entries ${expectedId}..${e.id - 1} are missing before this one` };
    else if (e.prevHash !== expectedPrev) this.broken = { id: e.id, at: e.at, reason: 'prev_hash is not the previous entry\'s hash (an entry before it was removed or replaced)' };
    else if (chainHash(e.prevHash, e.content) !== e.hash) this.broken = { id: e.id, at: e.at, reason: 'hash does not match the entry\'s content (the entry was changed)' };
    this.last = { id: e.id, hash: e.hash };
    return !this.broken;
  }

  /** After the last entry: the chain head must point at it (else entries after it were removed). */
  end(head: { seq: number; hash: string } | null, at: string): void {
    if (this.broken || !head) return;
    const lastId = this.last?.id ?? 0;
    const lastHash = this.last?.hash ?? GENESIS_HASH;
    if (head.seq !== lastId || head.hash !== lastHash) {
      this.broken = { id: head.seq, at, reason: `the chain head is at entry ${head.seq} but the log ends at entry ${lastId} (entries at the end were removed or the head was moved)` };
    }
  }
}

/** How verification reads one chain (its repository): entries in number order, the numbers of a period, the head. */
export interface ChainSource {
  head(): Promise<{ seq: number; hash: string }>;
  /** The lowest and highest entry numbers whose time lies in [from, to] (either open). */
  bounds(from?: string, to?: string): Promise<{ minId: number | null; maxId: number | null }>;
  /** Entries numbered fromId..toId, in order, at most `limit`. */
  entries(fromId: number, toId: number, limit: number): Promise<ChainEntry[]>;
}

/**
 * Recomputes a chain over the entries of a period: from the first entry in it (linked to the one before) through the
 * last one, every number in between whatever its time (times need not grow with the numbers: a case event keeps
 * when it happened, and is chained when routing records it). With no end to the period, the walk goes to the head
 * and checks that the head points at the last entry. Reads in batches, so a long chain is not held in memory.
 */
export async function walkChain(src: ChainSource, from?: string, to?: string, batch = 2000): Promise<{ checked: number; broken: BrokenLink | null }> {
  const head = await src.head();
  const { minId, maxId } = await src.bounds(from, to);
  if (minId === null || maxId === null) {
    const w = new ChainWalker(null);
    if (!from && !to) w.end(head, '');
    return { checked: 0, broken: w.broken };
  }
  const upper = to ? Math.min(maxId, head.seq) : head.seq;
  let previous: { id: number; hash: string } | null = null;
  if (minId > 1) {
    const [before] = await src.entries(minId - 1, minId - 1, 1);
    previous = before ? { id: before.id, hash: before.hash } : { id: minId - 1, hash: '(entry missing)' };
  }
  const walker = new ChainWalker(previous);
  let next = minId;
  let lastAt = '';
  while (next <= upper) {
    const rows = await src.entries(next, upper, batch);
    if (!rows.length) break;
    for (const row of rows) if (!walker.step(row)) return { checked: walker.checked, broken: walker.broken };
    lastAt = rows[rows.length - 1].at;
    next = rows[rows.length - 1].id + 1;
  }
  if (!to) walker.end(head, lastAt);
  return { checked: walker.checked, broken: walker.broken };
}

/**
 * The statements that make `<schema>.audit_log` append-only in the database itself: a trigger refuses UPDATE, DELETE
 * and TRUNCATE (even for a superuser, unless they disable it first: the tamper test does exactly that), and PUBLIC
 * loses those privileges. For a real application role, also:
 * `REVOKE UPDATE, DELETE, TRUNCATE ON <schema>.audit_log FROM <app_role>; GRANT SELECT, INSERT ON … TO <app_role>`.
 */
export function appendOnlyAuditLogUp(schema: string): string[] {
  return [
    `CREATE FUNCTION ${schema}.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '%.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`,
    `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON ${schema}.audit_log
      FOR EACH ROW EXECUTE FUNCTION ${schema}.audit_log_append_only()`,
    `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON ${schema}.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.audit_log_append_only()`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${schema}.audit_log FROM PUBLIC`,
  ];
}
