// A worker thread of a batch render: takes one job at a time, renders and writes it, reports back.
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from './io.js';
import { loadTemplates } from '../render/templates.js';
import { renderOne, type Job } from './render-batch.js';

const { all, templateDir } = workerData as { all: string[]; templateDir?: string };
const templates = loadTemplates(templateDir); // once per worker
parentPort!.on('message', async ({ i, job }: { i: number; job: Job }) => {
  try {
    parentPort!.postMessage({ i, result: await renderOne(job, all, templates) });
  } catch (e) {
    const usage = e instanceof UsageError ? e.message : `lỗi nội bộ: ${e instanceof Error ? e.message : String(e)}`;
    parentPort!.postMessage({ i, result: { file: job.file, messages: [], rows: 0, usage } });
  }
});
