// npm run dlq -- list [consumer]                              the events parked on the dead-letter stream, with why
// npm run dlq -- blocked [caseNo]                              the cases they block, one line per case and consumer
// npm run dlq -- replay [consumer] [seq]                       put them back on their subjects (after mending the cause)
// npm run dlq -- discard <consumer> <seq> --reason "…" [--by name]  settle one on purpose: it will not be handled
// npm run dlq -- audit                                         every replay and discard: who, when, why
// Replays and discards are written to the audit stream (<NS>_DLQ_AUDIT) before the letter leaves the dead-letter stream.
import os from 'node:os';
import { connect } from '@nats-io/transport-node';
import { caseBlocks, deadLetterAudit, discardDeadLetter, listDeadLetters, replayDeadLetters } from '../dist/libs/messaging/src/index.js';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const reason = option('reason');
const by = option('by') ?? process.env.DLQ_OPERATOR ?? os.userInfo().username;
const [command = 'list', consumer, seq] = args;
const usage = 'usage: npm run dlq -- list [consumer] | blocked [caseNo] | replay [consumer] [seq] | discard <consumer> <seq> --reason "…" [--by name] | audit';

const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
const namespace = process.env.NATS_NAMESPACE ?? 'ow';
try {
  if (command === 'list') {
    const letters = await listDeadLetters(nc, namespace, consumer);
    for (const l of letters) {
      console.log(`#${l.seq} ${l.parkedAt} ${l.consumer} ${l.event?.type ?? l.originalSubject} case ${l.event?.caseNo ?? '?'} after ${l.deliveries} deliveries: ${l.reason}`);
    }
    console.log(`${letters.length} dead letter(s) in namespace ${namespace}`);
  } else if (command === 'blocked') {
    const blocks = await caseBlocks(nc, namespace, consumer);
    for (const b of blocks) console.log(`case ${b.caseNo} BLOCKED at ${b.service} (${b.consumer}, ${b.eventType ?? '?'}, ${b.letters} letter(s), latest #${b.seq}): ${b.reason}`);
    console.log(`${blocks.length} block(s) in namespace ${namespace}`);
  } else if (command === 'replay') {
    const replayed = await replayDeadLetters(nc, namespace, { consumer, seq: seq === undefined ? undefined : Number(seq), by });
    console.log(`replayed ${replayed.length} dead letter(s): ${replayed.map((l) => `#${l.seq}`).join(' ')}`);
  } else if (command === 'discard') {
    if (!consumer || !seq || !/^\d+$/.test(seq) || !reason?.trim()) {
      console.error(`discard needs a consumer, a sequence number and --reason.\n${usage}`);
      process.exitCode = 2;
    } else {
      const letter = await discardDeadLetter(nc, namespace, { consumer, seq: Number(seq), reason, by });
      console.log(`discarded #${letter.seq} (${letter.event?.type ?? letter.originalSubject}, case ${letter.event?.caseNo ?? '?'}) for ${consumer} by ${by}: ${reason}`);
    }
  } else if (command === 'audit') {
    for (const a of await deadLetterAudit(nc, namespace)) {
      console.log(`${a.at} ${a.action} #${a.letter.seq} ${a.letter.consumer} case ${a.letter.event?.caseNo ?? '?'} by ${a.by}: ${a.reason}`);
    }
  } else {
    console.error(usage);
    process.exitCode = 2;
  }
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
} finally {
  await nc.close();
}
