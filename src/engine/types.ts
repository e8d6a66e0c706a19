/** Public data types of the cleaning engine. */
import type { PageKind } from './model/page-kind.js';

export type { PageKind };

/** One removed line, or one phrase cut out of a kept line. */
export interface Removal {
  /** Id of the rule that made the removal, such as `daily8/ai-promo`. */
  rule: string;
  /** 1-based line number in the input. */
  line: number;
  /** The removed text: the whole line (trimmed) or the cut phrase. */
  text: string;
  /**
   * True when the line went into one of the page's related stories (`related`): moved out of
   * the article, not lost. Absent otherwise; not written to the JSON output.
   */
  related?: true;
  /**
   * For a removal by the generic layer (`generic/boilerplate`): the line model's log-odds that
   * the line is article text, after the decoding's bias. Shown by `--explain`, not written to the
   * JSON output, where it would change with every refit of the model.
   */
  score?: number;
}

/** A related story that an aggregator shows under the article. */
export interface RelatedStory {
  title: string | null;
  source: string | null;
  published: string | null;
  paragraphs: string[];
}

/** Everything the engine learns from one page. */
export interface CleanResult {
  title: string | null;
  source: string | null;
  published: string | null;
  byline: string | null;
  /** What kind of page the model reads it as: an article, a forum thread, a listing... */
  kind: PageKind;
  /** The model's estimate, from 0 to 1, of how well the page was cleaned (its expected F1): read the lowest first. */
  confidence: number;
  paragraphs: string[];
  /** The text output: title, blank line, one paragraph per line. */
  text: string;
  related: RelatedStory[];
  /** Every removal, in input order. */
  removed: Removal[];
}

/** The JSON output record (schema version 1). */
export interface CleanRecord extends CleanResult {
  schemaVersion: 1;
  /** The page: in a written file, the path from that file's directory to it; printed, the path as given, or `-` for stdin. */
  input: string;
}
