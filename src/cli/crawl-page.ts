/**
 * One page of a crawl file, from its bytes to its output line or the reason it is not written.
 * Runs in the main thread or a worker thread alike (see WorkerPool.crawlPage).
 */
import type { Cleaner } from '../engine/clean.js';
import type { CleanRecord } from '../engine/types.js';
import { toRecord } from '../engine/record.js';
import { lostShare } from '../engine/stats.js';
import { decode } from '../input/decode.js';
import type { RecordIdentity } from '../input/warc.js';
import { detectLanguage } from './language.js';
import { overMaxRemoved } from './task.js';

/** What decides which clean pages are written; plain data, for worker threads. */
export interface CrawlFilters {
  maxRemoved?: number;
  /** --min-confidence: pages the model is less sure of are rejected. */
  minConfidence?: number;
  /** --language: ISO 639-1 codes of the pages to keep. */
  languages?: readonly string[];
}

export type PageRejection = 'binary' | 'empty-after-cleaning' | 'max-removed' | 'low-confidence' | 'language' | 'cannot-clean';

/** The JSON record's fields for a page (all but `input`). */
export type PageFields = Omit<CleanRecord, 'input'>;

export type CleanedPage = { fields: PageFields; warning?: string } | { rejected: PageRejection; message: string; warning?: string };

/** A page's bytes cleaned, or why not; in a worker thread or the main thread. */
export function cleanCrawlPage(bytes: Uint8Array, cleaner: Cleaner, filters: CrawlFilters): CleanedPage {
  const decoded = decode(bytes);
  if (decoded.kind === 'binary') return { rejected: 'binary', message: 'binary data, not text' };
  const { text, warning } = decoded;
  const warned = warning === undefined ? {} : { warning };
  let result;
  try {
    result = cleaner(text);
  } catch (err) {
    // One page that breaks the engine must not end a crawl of thousands: it is a rejected page like any other.
    return { rejected: 'cannot-clean', message: (err as Error).message, ...warned };
  }
  const { maxRemoved, minConfidence } = filters;
  if (maxRemoved !== undefined) {
    const share = lostShare(text, result);
    if (share > maxRemoved) return { rejected: 'max-removed', message: overMaxRemoved(share, maxRemoved), ...warned };
  }
  if (result.text.trim() === '') return { rejected: 'empty-after-cleaning', message: 'no text is left once cleaned', ...warned };
  if (minConfidence !== undefined && result.confidence < minConfidence) {
    return { rejected: 'low-confidence', message: `confidence ${result.confidence}, under --min-confidence ${minConfidence}`, ...warned };
  }
  // `input` names the file a page came from; a record has its WARC identity instead.
  const { input: _input, ...fields } = toRecord(result, '');
  return { fields, ...warned };
}

export type CrawlPageOutcome = { output: string } | { rejected: PageRejection | 'too-large'; message: string };

/**
 * A clean page's output line, with its language, or its rejection for --language. In the main
 * thread only: the detector's database then takes memory once, not once per worker thread.
 */
export async function crawlLine(fields: PageFields, record: RecordIdentity, languages: readonly string[] | undefined): Promise<CrawlPageOutcome> {
  const language = await detectLanguage(fields.text);
  if (languages !== undefined && (language === null || !languages.includes(language))) {
    return { rejected: 'language', message: `${language ?? 'no language detected'}, not in --language ${languages.join(',')}` };
  }
  const { id, url, date, crawlLanguage } = record;
  try {
    return { output: `${JSON.stringify({ id, url, date, ...(crawlLanguage === undefined ? {} : { crawlLanguage }), language, ...fields })}\n` };
  } catch (err) {
    // A page of hundreds of megabytes (under a raised --max-bytes) makes a line longer than a string can be.
    if (err instanceof RangeError) return { rejected: 'too-large', message: 'its JSON line would be longer than the longest string JavaScript can hold' };
    throw err;
  }
}
