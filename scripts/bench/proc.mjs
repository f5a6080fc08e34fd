// CPU time of processes from /proc (Linux): utime+stime (and the children's cutime+cstime) in clock ticks.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** {pid, comm, ppid, ticks: utime+stime, childTicks: cutime+cstime, start} or null if the process is gone. */
export function readStat(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  const f = text.slice(close + 2).split(' ');
  // f[0] is field 3 (state): utime is field 14 → f[11], stime f[12], cutime f[13], cstime f[14], starttime field 22 → f[19].
  return { pid, comm, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), childTicks: Number(f[13]) + Number(f[14]), start: Number(f[19]) };
}

export function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

export function allPids() {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
}

/** The pid listening on 127.0.0.1/0.0.0.0:`port` (TCP), found through the socket's inode; null if none is visible. */
export function pidListeningOn(port) {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[1].endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]);
    }
  }
  if (!inodes.size) return null;
  for (const pid of allPids()) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return pid;
      } catch {
        /* gone */
      }
    }
  }
  return null;
}

/**
 * Classifies a postgres process by its title (update_process_title is on by default): a backend of database `db`
 * ("postgres: 15/main: <user> <db> <client> <state>"), a backend of another database, or the postmaster and its
 * helpers (checkpointer, walwriter, background writer, autovacuum, …), which serve every database.
 */
export function postgresRole(pid, db) {
  const title = cmdline(pid);
  const m = /^postgres: (?:[^:]+: )?(\S+) (\S+) (?:\S+) /.exec(title);
  if (m && !/^(checkpointer|walwriter|background|autovacuum|logical|archiver|stats|walreceiver|walsender|startup)/.test(m[1])) {
    return m[2] === db ? 'postgres: bench database backends' : 'postgres: other databases\' backends';
  }
  return 'postgres: postmaster and helpers';
}

/**
 * Follows the CPU time of groups of processes over a window. Each sample reads /proc/<pid>/stat of every process in
 * the groups; a process that exits keeps what its last sample saw (so it loses at most one sampling interval of CPU,
 * and the backends that exit here are the pool's idle ones), and one that appears during the window counts from 0.
 * `groups()` answers {name → pids} for the fixed processes (the services, nats-server); postgres processes are
 * found by scanning /proc on every sample.
 */
export function cpuSampler({ groups, db, intervalMs = 1000 }) {
  /** `${pid}/${start}` → {group, first, last}: one entry per process, so a reused pid is another process. */
  const seen = new Map();
  /** pid → {start, group} of the postgres processes met so far. */
  const postgres = new Map();
  let inWindow = false;
  let timer;
  const note = (group, s, withChildren) => {
    const key = `${s.pid}/${s.start}`;
    const total = s.ticks + (withChildren ? s.childTicks : 0);
    const prev = seen.get(key);
    if (prev) prev.last = total;
    // A process first met inside the window started inside it (or was just found): it counts from 0.
    else seen.set(key, { group, first: inWindow ? 0 : total, last: total });
  };
  function sample() {
    for (const [group, pids] of Object.entries(groups())) {
      for (const pid of pids) {
        const s = readStat(pid);
        if (s) note(group, s, true);
      }
    }
    for (const pid of allPids()) {
      const known = postgres.get(pid);
      const s = readStat(pid);
      if (!s || s.comm !== 'postgres') continue;
      if (!known || known.start !== s.start) postgres.set(pid, { start: s.start, group: postgresRole(pid, db) });
      note(postgres.get(pid).group, s, false);
    }
  }
  return {
    /** Starts a window: from now, each group's CPU is counted. */
    begin() {
      seen.clear();
      inWindow = false;
      sample();
      for (const v of seen.values()) v.first = v.last;
      inWindow = true;
      timer = setInterval(sample, intervalMs);
      timer.unref();
    },
    /** Ends the window: CPU ms per group, and how many processes each had. */
    end() {
      sample();
      clearInterval(timer);
      inWindow = false;
      const out = {};
      for (const v of seen.values()) {
        const g = (out[v.group] ??= { ms: 0, processes: 0 });
        g.ms += ((v.last - v.first) * 1000) / CLK_TCK;
        g.processes++;
      }
      return out;
    },
  };
}
