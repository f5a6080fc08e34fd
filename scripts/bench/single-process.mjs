// All six services in one Node process, still talking over NATS and each with its own PostgreSQL pool, Nest app and
// health port: imports each dist/apps/<service>/src/main.js in turn. Each main reads its configuration with
// loadConfig(<service>) when it is imported, from process.env: the services differ only in <SERVICE>_PORT, which
// is named per service, so one environment serves all six (set every <SERVICE>_PORT before starting this).
// Each import resolves once its service is up (main.js awaits its bootstrap at top level): back ends first, then the
// gateway, as scripts/stack.mjs does. Used by `npm run bench -- --single`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const order = (process.env.SINGLE_SERVICES ?? 'intake,routing,approval,fees,delivery,gateway').split(',');
for (const service of order) {
  if (!process.env[`${service.toUpperCase()}_PORT`]) {
    process.stderr.write(`single-process: ${service.toUpperCase()}_PORT is not set: every service needs its own health port\n`);
    process.exit(64);
  }
}
for (const service of order) {
  await import(pathToFileURL(path.join(ROOT, `dist/apps/${service}/src/main.js`)).href);
  process.stdout.write(`single-process: ${service} is up\n`);
}
process.stdout.write(`single-process: all ${order.length} services up in pid ${process.pid}\n`);
