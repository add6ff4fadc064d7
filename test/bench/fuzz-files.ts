/**
 * `npx tsx test/bench/fuzz-files.ts [count]`: the corrupted-file corpus
 * (test/electron/documents/fuzz-corpus.ts, default 600 files) through the app's real read
 * path — each written to a real file, opened once, checked by its handle and parsed in the
 * bundled project worker — printing the figures issue 13 asks for: inputs, crashes, hangs
 * over 2 s, half-loads (accepted but wrong) and unclear messages, per kind of mutation.
 * A benchmark, not a test: it prints, it never fails a build (fuzz.test.ts is the test).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProjectFile } from '../../electron/documents/files';
import { WorkerParser } from '../../electron/documents/parse-host';
import { corpus, judge, type Verdict } from '../electron/documents/fuzz-corpus';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HANG_MS = 2000;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 600);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'actlab-fuzz-'));
  try {
    execFileSync(process.execPath, ['scripts/build-electron.mjs', '--only', 'project-worker', '--outdir', scratch], {
      cwd: root,
      stdio: 'pipe',
    });
    const parser = new WorkerParser({ workerFile: path.join(scratch, 'project-worker.cjs') });
    const file = path.join(scratch, 'fuzzed.actlab');
    const byKind = new Map<string, Record<Verdict | 'hang' | 'inputs', number>>();
    const faults: string[] = [];
    let slowest = 0;
    for (const input of corpus(count)) {
      writeFileSync(file, input.bytes);
      const start = performance.now();
      let verdict: Verdict;
      let detail = '';
      try {
        const answer = await readProjectFile(file, parser);
        verdict = judge(input, answer);
        detail = answer.ok ? 'opened' : answer.message;
      } catch (error) {
        verdict = 'crash';
        detail = String(error);
      }
      const ms = performance.now() - start;
      slowest = Math.max(slowest, ms);
      const row = byKind.get(input.kind) ?? { inputs: 0, opened: 0, refused: 0, crash: 0, 'half-load': 0, unclear: 0, hang: 0 };
      row.inputs++;
      row[verdict]++;
      if (ms > HANG_MS) row.hang++;
      byKind.set(input.kind, row);
      if (verdict !== 'opened' && verdict !== 'refused') faults.push(`${verdict}: ${input.label}: ${detail.slice(0, 160)}`);
      if (ms > HANG_MS) faults.push(`hang (${Math.round(ms)} ms): ${input.label}`);
    }
    const total = { inputs: 0, opened: 0, refused: 0, crash: 0, 'half-load': 0, unclear: 0, hang: 0 };
    for (const row of byKind.values()) for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += row[key];
    console.log(`Corrupted-file corpus through the real read path — ${os.cpus().length} CPU(s), load ${os.loadavg()[0].toFixed(1)}`);
    const head = ['mutation', 'inputs', 'opened', 'refused', 'crashes', `hangs > ${HANG_MS / 1000} s`, 'half-loads', 'unclear'];
    const rows = [...byKind.entries(), ['all', total] as const].map(([kind, r]) =>
      [kind, r.inputs, r.opened, r.refused, r.crash, r.hang, r['half-load'], r.unclear].map(String),
    );
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
    for (const cells of [head, ...rows]) console.log(cells.map((cell, c) => cell.padEnd(widths[c])).join(' | '));
    console.log(`slowest answer: ${Math.round(slowest)} ms`);
    for (const fault of faults.slice(0, 20)) console.log(`  ${fault}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

void main();
