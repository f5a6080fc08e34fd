// Loaded into each service process by the bench (node --import, through STACK_NODE_ARGS): counts the SQL statements
// the process sends through node-pg, per connection application_name (= the service's schema, libs/persistence
// dataSourceOptions), and times them per statement text (from the call until node-pg hands the result back: the
// round trip and PostgreSQL's work, as the service waits for it). Writes the figures to
// BENCH_SQL_COUNT_DIR/<pid>.json every 200 ms. No app code changes: every statement of TypeORM, of the services'
// raw SQL, and BEGIN/COMMIT/ROLLBACK, goes through Client#query. Parameters are never looked at.
import { createRequire } from 'node:module';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.BENCH_SQL_COUNT_DIR;
if (dir) {
  const require = createRequire(import.meta.url);
  // The same module instance the services get: ESM `import pg from 'pg'` and TypeORM's require('pg') share the CJS cache.
  const pg = require('pg');
  const counts = Object.create(null);
  /** statement text (whitespace squeezed, at most 300 characters) → [calls, total ms, errors] */
  const statements = new Map();
  let changed = false;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(...args) {
    const app = this.connectionParameters?.application_name || '(none)';
    counts[app] = (counts[app] ?? 0) + 1;
    changed = true;
    const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
    if (typeof text !== 'string') return query.apply(this, args);
    const key = `${app}: ${text.replace(/\s+/g, ' ').trim().slice(0, 300)}`;
    const started = performance.now();
    const done = (failed) => {
      const s = statements.get(key) ?? statements.set(key, [0, 0, 0]).get(key);
      s[0]++;
      s[1] += performance.now() - started;
      if (failed) s[2]++;
      changed = true;
    };
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = function timedCallback(err, ...rest) {
        done(Boolean(err));
        return last.call(this, err, ...rest);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result && typeof result.then === 'function') result.then(() => done(false), () => done(true));
    return result;
  };
  const file = path.join(dir, `${process.pid}.json`);
  const tmp = `${file}.tmp`;
  const write = () => {
    if (!changed) return;
    changed = false;
    try {
      writeFileSync(tmp, JSON.stringify({ pid: process.pid, counts, statements: [...statements] }));
      renameSync(tmp, file);
    } catch {
      /* the directory is gone: the bench is over */
    }
  };
  setInterval(write, 200).unref();
  process.on('exit', write);
}
