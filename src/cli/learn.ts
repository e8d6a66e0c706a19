/** `clean-news learn`: count a batch's recurring lines and print the proposed rules; changes nothing. */
import type { Cleaner } from '../engine/clean.js';
import { ChromeLearner } from '../learn/learn.js';
import { toRuleFile } from '../learn/rule-file.js';
import { expandArguments } from './inputs.js';
import { StdoutSink } from './output.js';
import { readPage } from './task.js';
import { displayPath, type Reporter } from './report.js';
import { safeJson } from './visible.js';

export interface LearnCliOptions {
  minPages?: number;
  maxBytes?: number;
}

interface LearnRun extends LearnCliOptions {
  /** The rules in force: learn proposes only what they keep. */
  clean: Cleaner;
}

/** Prints the rule file on stdout; returns how many inputs failed. */
export async function learnInputs(args: readonly string[], options: LearnRun, reporter: Reporter): Promise<number> {
  const learner = new ChromeLearner({ clean: options.clean });
  let failures = 0;
  for (const item of await expandArguments(args)) {
    if (item.kind === 'unmatched') {
      reporter.error(displayPath(item.argument), item.reason);
      failures++;
    } else if (item.kind === 'unlistable') {
      reporter.failure(displayPath(item.argument), item.error, 'cannot list files');
      failures++;
    } else if (item.kind === 'file') {
      const subject = displayPath(item.path);
      try {
        const page = await readPage(item, subject, reporter, options.maxBytes);
        if (page === undefined) failures++;
        else learner.add(item.path, page.text);
      } catch (error) {
        reporter.failure(subject, error);
        failures++;
      }
    }
  }
  const { total, minPages, proposals } = learner.result(options.minPages === undefined ? {} : { minPages: options.minPages });
  if (total < minPages) reporter.warning('learn', `${total} page${total === 1 ? '' : 's'} read, but a line must recur in ${minPages} to be proposed: give more pages of the site (or --min-pages)`);
  const stdout = new StdoutSink();
  await stdout.write(`${safeJson(toRuleFile(proposals, total), 2)}\n`);
  await stdout.flush();
  // A rule file cut short by a full disk must not pass for a whole one.
  if (stdout.error !== undefined) {
    reporter.failure('standard output', stdout.error);
    return failures + 1;
  }
  return failures;
}
