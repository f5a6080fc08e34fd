// npm run dlq -- list [consumer]          the events parked on the dead-letter stream, with why
// npm run dlq -- replay [consumer] [seq]  put them back on their subjects (after mending the cause)
import { connect } from '@nats-io/transport-node';
import { listDeadLetters, replayDeadLetters } from '../dist/libs/messaging/src/index.js';

const [command = 'list', consumer, seq] = process.argv.slice(2);
const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
const namespace = process.env.NATS_NAMESPACE ?? 'ow';
try {
  if (command === 'list') {
    const letters = await listDeadLetters(nc, namespace, consumer);
    for (const l of letters) {
      console.log(`#${l.seq} ${l.parkedAt} ${l.consumer} ${l.event?.type ?? l.originalSubject} case ${l.event?.caseNo ?? '?'} after ${l.deliveries} deliveries: ${l.reason}`);
    }
    console.log(`${letters.length} dead letter(s) in namespace ${namespace}`);
  } else if (command === 'replay') {
    const replayed = await replayDeadLetters(nc, namespace, { consumer, seq: seq === undefined ? undefined : Number(seq) });
    console.log(`replayed ${replayed.length} dead letter(s): ${replayed.map((l) => `#${l.seq}`).join(' ')}`);
  } else {
    console.error('usage: npm run dlq -- list [consumer] | replay [consumer] [seq]');
    process.exitCode = 2;
  }
} finally {
  await nc.close();
}
