/** The records of `--report`: what the run gathers (batch-report.ts) and the HTML page renders (batch-report-html.ts). */
import type { ExplainedLine } from './explain.js';

export type ReportFormat = 'json' | 'html';

/** What one input adds to the report. */
export interface PageReport {
  input: string;
  /** Not cleaned: unreadable, binary, too large, or over --max-removed. */
  failed: boolean;
  title: string | null;
  /** What kind of page the model read (null for a failed page), and its confidence in the cleaning (0 for a failed page). */
  kind: string | null;
  confidence: number;
  charsIn: number;
  charsOut: number;
  /** Characters moved into the related stories an aggregator lists: out of the article, not lost. */
  charsRelated: number;
  /** What the article lost, as --max-removed measures it (related stories apart), 0 to 1: the report's order. */
  lostShare: number;
  /** All that cleaning removed, related stories included, 0 to 1. */
  removedShare: number;
  /** Rule id -> removals. */
  rules: Record<string, number>;
  /** The input's warnings and errors, as printed. */
  messages: string[];
  /** For the HTML page: the input's lines and what became of each. */
  lines?: ExplainedLine[];
}

export interface Totals {
  pages: number;
  cleaned: number;
  failed: number;
  charsIn: number;
  charsOut: number;
  charsRelated: number;
  /** Rule id -> removals over the batch, the most first. */
  rules: Record<string, number>;
}
