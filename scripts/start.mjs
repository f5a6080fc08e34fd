// `npm start`: build, migrate, seed the demo data and run all six services against DATABASE_URL / NATS_URL.
// `npm run migrate` (--migrate-only): apply every service's migrations and exit.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canConnect, createStack, DEFAULT_RESTART, ensureDatabase, ROOT } from './stack.mjs';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/onewindow';
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const migrateOnly = process.argv.includes('--migrate-only');

const [pgUp, natsUp] = await Promise.all([canConnect(databaseUrl), canConnect(natsUrl)]);
if (!pgUp || !natsUp) {
  console.error(`Cannot reach ${[!pgUp && `PostgreSQL at ${databaseUrl}`, !natsUp && `NATS at ${natsUrl}`].filter(Boolean).join(' and ')}.
Start them, then run npm start again:
  PostgreSQL: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
  NATS:       nats-server -js -sd /var/lib/nats-server &   (JetStream must be on)
or run everything in containers: docker compose up
or point DATABASE_URL / NATS_URL at servers you have.`);
  process.exit(1);
}

console.log('building…');
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

await ensureDatabase(databaseUrl);
// Certificates are signed with an Ed25519 key (CERT_SIGNING_KEY_FILE). None configured: a demo key is made once and
// kept in DATA_DIR (.data/, git-ignored), so certificates issued yesterday still verify today.
let certSigningKeyFile = process.env.CERT_SIGNING_KEY_FILE;
if (!certSigningKeyFile) {
  certSigningKeyFile = path.resolve(ROOT, process.env.DATA_DIR || '.data', 'cert-signing-key.pem');
  if (!existsSync(certSigningKeyFile)) {
    mkdirSync(path.dirname(certSigningKeyFile), { recursive: true, mode: 0o700 });
    writeFileSync(certSigningKeyFile, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    console.log(`made a demo certificate signing key: ${path.relative(ROOT, certSigningKeyFile)}`);
  }
}
// Personal data (ID numbers, phones, addresses) is sealed with PII_KEYS / PII_KEY_FILE. None configured: demo keys
// (an encryption key and the lookup key) are made once and kept in DATA_DIR, so yesterday's rows still open today.
let piiKeyFile = process.env.PII_KEY_FILE;
if (!piiKeyFile && !process.env.PII_KEYS) {
  piiKeyFile = path.resolve(ROOT, process.env.DATA_DIR || '.data', 'pii-keys');
  if (!existsSync(piiKeyFile)) {
    mkdirSync(path.dirname(piiKeyFile), { recursive: true, mode: 0o700 });
    const kid = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
    writeFileSync(piiKeyFile, `${kid}:${randomBytes(32).toString('base64')}\nlookup:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    console.log(`made demo personal-data keys: ${path.relative(ROOT, piiKeyFile)}`);
  }
}
const stack = createStack({
  databaseUrl,
  natsUrl,
  namespace: process.env.NATS_NAMESPACE ?? 'ow',
  basePort: Number(process.env.BASE_PORT ?? 3000),
  seedDemo: process.env.SEED_DEMO !== 'false',
  env: { CERT_SIGNING_KEY_FILE: certSigningKeyFile, ...(piiKeyFile ? { PII_KEY_FILE: piiKeyFile } : {}) },
  // A service that dies is started again (1 s, 2 s, 5 s, 10 s, 30 s apart); one that keeps dying within 30 s of
  // starting is left down after 5 tries, with one line saying so. Ctrl-C (stack.down) restarts nothing.
  restart: { ...DEFAULT_RESTART, log: (line) => console.error(line) },
});

if (migrateOnly) {
  await stack.migrate();
  console.log('migrations applied');
  process.exit(0);
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('stopping…');
  await stack.down();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  await stack.up();
} catch (e) {
  console.error(`start failed: ${e.message}`);
  await stop(1);
}
console.log(`
One-window service center is up.
  HTTP API  ${stack.url}/api/v1    OpenAPI ${stack.url}/docs    health ${stack.url}/health
  demo logins (password: ${process.env.DEMO_PASSWORD ? '$DEMO_PASSWORD' : 'demo-password'}): clerk1, finance1, courier1, supervisor1, admin, rep.samr, rep.nrb, rep.tax, …
A service that exits is restarted (after 1 s, 2 s, 5 s, 10 s, 30 s). Ctrl-C stops everything.`);
