// The NATS floor's responder (floor.mjs): answers every request on the subject with its own bytes.
import { connect } from '@nats-io/transport-node';

const [natsUrl, subject] = process.argv.slice(2);
const nc = await connect({ servers: natsUrl, name: 'bench-echo' });
nc.subscribe(subject, { callback: (err, msg) => !err && msg.respond(msg.data) });
await nc.flush();
process.send?.('ready');
process.on('SIGTERM', () => nc.close().finally(() => process.exit(0)));
process.on('disconnect', () => nc.close().finally(() => process.exit(0)));
