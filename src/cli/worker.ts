/**
 * A worker thread of --jobs: loads the rules itself from the run's flags (rules cannot be sent
 * between threads: they hold functions), then answers each job with its outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cleanCrawlPage } from './crawl-page.js';
import { cleanRecord } from './jsonl.js';
import { Reporter } from './report.js';
import { loadSettings } from './settings.js';
import { PageRunner } from './task.js';
import type { Job, WorkerData } from './workers.js';

const { flags, options, filters } = workerData as WorkerData;
// The main thread loaded the same configuration a moment ago, and printed its warnings: a
// problem now means it changed since.
const settings = await loadSettings(flags, new Reporter({ ...options, quiet: true }));
if (settings === null || parentPort === null) throw new Error('a worker thread could not load the configuration');
const { cleaner } = settings;
const runner = await PageRunner.create(cleaner, options);
const port = parentPort;

/** A job's result: an outcome to hand back, or the cleaning of a text (see OffThread). */
function perform(job: Job): Promise<unknown> | unknown {
  switch (job.kind) {
    case 'page':
      return runner.run(job.task);
    case 'record':
      return cleanRecord(job.line, job.number, cleaner, options.maxRemoved);
    case 'finish':
      return runner.finish(job.task, job.read);
    case 'clean':
      return cleaner(job.text);
    case 'crawl':
      return cleanCrawlPage(job.bytes, cleaner, filters);
  }
}

port.on('message', ({ id, job }: { id: number; job: Job }) => {
  void Promise.resolve(perform(job)).then((result) => port.postMessage({ id, result }));
});
