// Rendering many plans: the work is spread over worker threads (one per core), each rendering its
// share and writing each file atomically. Results come back in input order, so output is the same
// as rendering one by one.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Message } from '../messages.js';
import type { Templates } from '../render/templates.js';
import { checkBytes } from '../plan/validate.js';
import { readInput, writeAtomic } from './io.js';

export interface Job {
  file: string;
  target: string;
}

export interface JobResult {
  file: string;
  target?: string;
  messages: Message[];
  rows: number;
  /** A usage or system problem (exit 2), as the CLI would print it. */
  usage?: string;
}

export const targetFor = (file: string, o: { output?: string; outDir?: string }): string =>
  o.output ?? join(o.outDir ?? dirname(file), basename(file, extname(file)) + '.docx');

/** Render one plan and write it; what the CLI, or a worker, does for each of its files. */
export async function renderOne(job: Job, all: readonly string[], templates: Templates): Promise<JobResult> {
  const { renderPlan } = await import('../render/index.js');
  const checked = checkBytes(job.file, readInput(job.file));
  if (!checked.plan) return { file: job.file, messages: checked.messages, rows: 0 };
  const bytes = await renderPlan(checked.plan, { templates });
  writeAtomic(job.target, bytes, all);
  return { file: job.file, target: job.target, messages: checked.messages, rows: Math.max(0, ...checked.plan.appendices.map((a) => a.rows.length)) };
}

/** How many workers a batch is worth: none below 40 files (starting them costs more), else one per core. */
export function workersFor(n: number): number {
  if (n < 40 || process.env.KEHOACH_WORKERS === '0') return 0;
  return Math.min(4, availableParallelism(), Math.ceil(n / 4));
}

let running: import('node:worker_threads').Worker[] = [];

/** Stop the workers (on Ctrl-C); the caller then removes this process's temporary files. */
export async function stopWorkers(): Promise<void> {
  await Promise.all(running.map((w) => w.terminate()));
  running = [];
}

export async function renderInWorkers(jobs: Job[], all: readonly string[], count: number, templateDir?: string, onDone?: (r: JobResult) => void): Promise<JobResult[]> {
  // loaded here only: a render of a few files never starts a thread
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const script = join(dirname(fileURLToPath(import.meta.url)), 'render-worker.cjs');
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(script, { workerData: { all, templateDir } });
        running.push(w);
        const feed = () => {
          if (next >= jobs.length) {
            void w.terminate();
            return;
          }
          const i = next++;
          w.postMessage({ i, job: jobs[i] });
        };
        w.on('message', (m: { i: number; result: JobResult }) => {
          results[m.i] = m.result;
          onDone?.(m.result);
          feed();
        });
        w.on('error', reject);
        w.on('exit', () => resolve());
        feed();
      }),
    ),
  );
  running = [];
  return results;
}
