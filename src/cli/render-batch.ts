// Rendering many plans, one after another, each file written atomically.
import { basename, dirname, extname, join } from 'node:path';
import type { Message } from '../messages.js';
import type { Templates } from '../model/templates.js';
import { checkBytes } from '../plan/validate.js';
import { readInput } from '../read/input.js';
import { writeAtomic } from '../write/atomic.js';

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
  const { renderPlan } = await import('../write/index.js');
  const checked = checkBytes(job.file, readInput(job.file));
  if (!checked.plan) return { file: job.file, messages: checked.messages, rows: 0 };
  const bytes = await renderPlan(checked.plan, { templates });
  writeAtomic(job.target, bytes, all);
  return { file: job.file, target: job.target, messages: checked.messages, rows: Math.max(0, ...checked.plan.appendices.map((a) => a.rows.length)) };
}
