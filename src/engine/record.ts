import type { CleanRecord, CleanResult } from './types.js';

/** The JSON output record for one page, with its fields in their documented order. */
export function toRecord(result: CleanResult, input: string): CleanRecord {
  return {
    schemaVersion: 1,
    input,
    title: result.title,
    source: result.source,
    published: result.published,
    byline: result.byline,
    kind: result.kind,
    confidence: result.confidence,
    paragraphs: result.paragraphs,
    text: result.text,
    related: result.related,
    // The generic layer's scores change with every refit of the model: --explain shows them, the record does not.
    removed: result.removed.map(({ rule, line, text }) => ({ rule, line, text })),
  };
}
