/**
 * Processor time per thread of the browser this benchmark started, read from Linux's /proc
 * (nothing on other systems). It shows where a frame's time goes outside the page's main
 * thread: the engine worker, the compositor that draws frames in software
 * (VizCompositorThread), and whether the machine's cores are all in use.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS = 100;

export type ThreadCpu = Map<string, { name: string; ticks: number }>;

function statFields(path: string): { name: string; fields: string[] } | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  // Fields after the name, starting with the state (field 3 of proc(5)).
  return { name: text.slice(open + 1, close), fields: text.slice(close + 2).split(' ') };
}

/** The ids of every process descended from `root`. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statFields(`/proc/${entry}/stat`);
    if (stat) parent.set(Number(entry), Number(stat.fields[1]));
  }
  const found: number[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const pid = frontier.pop() as number;
    for (const [child, of] of parent) {
      if (of === pid) {
        found.push(child);
        frontier.push(child);
      }
    }
  }
  return found;
}

/** User plus system ticks of every thread of the processes this one started (Chromium's). */
export function readThreadCpu(): ThreadCpu {
  const threads: ThreadCpu = new Map();
  if (!existsSync('/proc/self/stat')) return threads;
  for (const pid of descendants(process.pid)) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const stat = statFields(`/proc/${pid}/task/${tid}/stat`);
      // utime and stime are fields 14 and 15 of proc(5); fields[] starts at field 3.
      if (stat) threads.set(`${pid}/${tid}`, { name: stat.name, ticks: Number(stat.fields[11]) + Number(stat.fields[12]) });
    }
  }
  return threads;
}

/** Prints the busiest threads between two readings, as a share of one core. */
export function printThreadCpu(before: ThreadCpu, after: ThreadCpu, seconds: number): void {
  const rows: { name: string; share: number }[] = [];
  for (const [key, { name, ticks }] of after) {
    const share = (ticks - (before.get(key)?.ticks ?? ticks)) / TICKS / seconds;
    if (share >= 0.02) rows.push({ name, share });
  }
  if (rows.length === 0) return;
  rows.sort((a, b) => b.share - a.share);
  const total = rows.reduce((sum, row) => sum + row.share, 0);
  console.log(
    `Browser threads, share of one core:    ${rows.map((r) => `${r.name} ${(r.share * 100).toFixed(0)} %`).join(', ')} (${(total * 100).toFixed(0)} % in all)`,
  );
}
