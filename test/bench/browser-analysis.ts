/**
 * What the Lab's browser benchmark reads beyond its own counters: a CPU profile of the page
 * (the functions that took the most time, and what filled the longest busy stretches) and
 * a browser trace summed per kind of work on one thread. Both print; neither decides anything.
 * Trace environment: TRACE_THREAD (default CrRendererMain; VizCompositorThread is the
 * compositor that draws frames in software), TRACE_CATEGORIES, TRACE_NEST (an event name:
 * also prints the events nested in it and its own CPU time), TRACE_DUMP (an event name: prints
 * the arguments of its first three).
 */
import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A function's name and place, short enough to print. */
function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split('/').pop() ?? '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

/** Milliseconds of self time per function over the given samples, largest first. */
function selfTimes(profile: CpuProfile, from: number, to: number): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const name = frameName(node);
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * Prints where the page spent its time: the top functions overall, and for every stretch of
 * busy samples (no idle between them) longer than 40 ms, what filled it.
 */
export function summarizeProfile(profile: CpuProfile, seconds: number): void {
  const total = selfTimes(profile, 0, profile.samples.length);
  console.log(`CPU profile, self time per second of the window (ms/s), top 25:`);
  for (const [name, ms] of total.slice(0, 25)) console.log(`  ${(ms / seconds).toFixed(2).padStart(7)}  ${name}`);
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node && node.callFrame.url) seen.add(frameName(node));
    }
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  console.log(`Total time with callees (ms/s), top 30:`);
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${(ms / seconds).toFixed(2).padStart(7)}  ${name}`);
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let start = 0;
  let busy = 0;
  const stretches: { start: number; end: number; ms: number }[] = [];
  for (let i = 0; i < profile.samples.length; i++) {
    if (idle.has(profile.samples[i])) {
      if (busy > 40) stretches.push({ start, end: i, ms: busy });
      start = i + 1;
      busy = 0;
    } else busy += (profile.timeDeltas[i + 1] ?? 0) / 1000;
  }
  console.log(`Busy stretches over 40 ms: ${stretches.length}`);
  for (const stretch of stretches.slice(0, 8)) {
    const top = selfTimes(profile, stretch.start, stretch.end).slice(0, 6);
    console.log(`  ${stretch.ms.toFixed(0)} ms: ${top.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string } & Record<string, unknown>;
}

/** Records a trace of the page for `seconds`; prints total time per event name on one of its threads. */
export async function traceThread(page: Page, seconds: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const done = new Promise<void>((finish) => cdp.once('Tracing.tracingComplete', () => finish()));
  await cdp.send('Tracing.start', {
    categories: process.env.TRACE_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline,v8',
    transferMode: 'ReportEvents',
  });
  await page.waitForTimeout(seconds * 1000);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const thread = process.env.TRACE_THREAD ?? 'CrRendererMain';
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === thread);
  if (!main) return;
  const dump = process.env.TRACE_DUMP;
  if (dump) for (const e of events.filter((x) => x.name === dump).slice(0, 3)) console.log(JSON.stringify(e.args));
  const totals = new Map<string, { ms: number; count: number }>();
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur === undefined) continue;
    const t = totals.get(e.name) ?? { ms: 0, count: 0 };
    t.ms += e.dur / 1000;
    t.count++;
    totals.set(e.name, t);
  }
  const nest = process.env.TRACE_NEST;
  if (nest) {
    const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined) as (TraceEvent & {
      ts: number;
      dur: number;
    })[];
    const parents = mine.filter((e) => e.name === nest);
    const inside = new Map<string, number>();
    for (const p of parents)
      for (const e of mine)
        if (e !== p && e.ts >= p.ts && e.ts + e.dur <= p.ts + p.dur) inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur / 1000);
    const wall = parents.reduce((a, e) => a + e.dur, 0) / 1000 / seconds;
    const cpu = parents.reduce((a, e) => a + ((e as unknown as { tdur?: number }).tdur ?? 0), 0) / 1000 / seconds;
    console.log(`Inside ${nest}: wall ${wall.toFixed(1)} ms/s, thread CPU ${cpu.toFixed(1)} ms/s`);
    for (const [name, ms] of [...inside].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`  ${(ms / seconds).toFixed(2).padStart(7)}  ${name}`);
  }
  console.log(`${thread} per second of the window (ms/s, nested events counted in each), top 60:`);
  for (const [name, t] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 60)) {
    console.log(`  ${(t.ms / seconds).toFixed(2).padStart(7)}  ${name} (${(t.count / seconds).toFixed(1)}/s)`);
  }
}
