// The measured phase: N lifecycles at concurrency C (a mix of kinds), and optionally an open-loop stream of
// acceptances at R per second alongside, with a progress bar.
import cliProgress from 'cli-progress';
import { APPLICATIONS, LifecycleError, runLifecycle } from './flows.mjs';
import { summarize } from './stats.mjs';

/** The kinds of lifecycles 0..n-1 in a fixed interleaved order that meets the mix's shares exactly (±1). */
export function planKinds(n, mix) {
  const shares = Object.entries(mix);
  const done = Object.fromEntries(shares.map(([k]) => [k, 0]));
  return Array.from({ length: n }, (_, i) => {
    // The kind furthest behind its share so far.
    let best = shares[0][0];
    let gap = -Infinity;
    for (const [k, share] of shares) {
      const g = share * (i + 1) - done[k];
      if (g > gap) [best, gap] = [k, g];
    }
    done[best]++;
    return best;
  });
}

export async function runLifecycles({ api, n, c, kinds, ctx, progress, abortReason }) {
  const results = [];
  const failures = [];
  let next = 0;
  const bar = progress
    ? new cliProgress.SingleBar(
        {
          format: 'lifecycles |{bar}| {value}/{total}  failed {failed}  {rate}/s  {duration}s  eta {eta}s',
          stream: process.stderr,
          hideCursor: true,
          noTTYOutput: !process.stderr.isTTY,
          notTTYSchedule: 5000,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const started = performance.now();
  bar?.start(n, 0, { failed: 0, rate: '0.0' });
  const tick = () => bar?.update(results.length + failures.length, { failed: failures.length, rate: (results.length / ((performance.now() - started) / 1000)).toFixed(1) });
  await Promise.all(
    Array.from({ length: Math.min(c, n) }, async () => {
      while (next < n) {
        const i = next++;
        const aborted = abortReason();
        if (aborted) {
          failures.push({ kind: kinds[i], step: 'not started', reason: aborted });
          tick();
          continue;
        }
        try {
          results.push(await runLifecycle(ctx, kinds[i]));
        } catch (e) {
          failures.push(e instanceof LifecycleError ? { kind: kinds[i], step: e.step, reason: e.reason, caseNo: e.caseNo } : { kind: kinds[i], step: 'unexpected', reason: e?.stack ?? String(e) });
        }
        tick();
      }
    }),
  );
  bar?.stop();
  return { results, failures, seconds: (performance.now() - started) / 1000 };
}

/**
 * Open-loop acceptances: the i-th is sent at start + i/R s whether or not the earlier ones were answered (a client
 * that waited would offer less load exactly when the system is slow, and hide it). Latency is from the moment it
 * was sent; `lagMs` is how late the bench itself sent it (its own event loop busy). At most `maxInFlight` wait for
 * an answer at once; beyond that a send is skipped and counted.
 */
export function openLoopAcceptances({ api, rate, kindOf, maxInFlight = 2000 }) {
  const latencies = [];
  const lags = [];
  const errors = {};
  let sent = 0;
  let skipped = 0;
  let inFlight = 0;
  let stopped = false;
  const pending = new Set();
  const start = performance.now();
  const timer = setInterval(() => {
    if (stopped) return;
    const now = performance.now();
    const due = Math.floor(((now - start) / 1000) * rate);
    while (sent + skipped < due) {
      const scheduled = start + ((sent + skipped) * 1000) / rate;
      if (inFlight >= maxInFlight) {
        skipped++;
        continue;
      }
      const i = sent++;
      inFlight++;
      lags.push(performance.now() - scheduled);
      const t = performance.now();
      const p = api
        .call('clerk1', 'POST', '/cases', APPLICATIONS[kindOf(i)]())
        .then((r) => {
          if (r.status === 201) latencies.push(performance.now() - t);
          else errors[r.status] = (errors[r.status] ?? 0) + 1;
        })
        .catch((e) => {
          const k = e.message.includes('no answer') ? 'timeout' : 'network';
          errors[k] = (errors[k] ?? 0) + 1;
        })
        .finally(() => {
          inFlight--;
          pending.delete(p);
        });
      pending.add(p);
    }
  }, 2);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      const seconds = (performance.now() - start) / 1000;
      await Promise.allSettled([...pending]);
      return {
        offeredPerSecond: rate,
        seconds: Math.round(seconds * 10) / 10,
        sent,
        accepted: latencies.length,
        acceptedPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
        skippedAtInFlightCap: skipped,
        errors,
        latencyMs: summarize(latencies),
        sendLagMs: summarize(lags),
      };
    },
  };
}
