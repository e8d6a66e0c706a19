/**
 * `--report FILE.json` / `--report FILE.html`: a summary of a run to review before trusting
 * it. Each page adds a small record (input, characters in, out and moved to related stories,
 * the share the article lost and the share removed, rules fired, title, messages); for the HTML review page, also its lines as --explain reads them, kept for
 * the pages that lost most only, so a batch of any size gives a report of bounded size.
 */
import type { CleanResult } from '../engine/types.js';
import type { PageReport, ReportFormat, Totals } from './batch-report-types.js';
import { explainPage } from './explain.js';
import type { PageCounts } from './tally.js';

/** The pages whose lines the HTML page shows, those that lost most. */
const DETAILED_PAGES = 500;

export function pageReport(input: string, page: string, result: CleanResult, counts: PageCounts, withLines: boolean): PageReport {
  return {
    input,
    failed: false,
    title: result.title,
    kind: result.kind,
    confidence: result.confidence,
    charsIn: counts.charsIn,
    charsOut: counts.charsOut,
    charsRelated: counts.charsRelated,
    lostShare: counts.lostShare,
    removedShare: counts.removedShare,
    rules: Object.fromEntries(counts.byRule),
    messages: [],
    ...(withLines ? { lines: explainPage(page, result.removed) } : {}),
  };
}

export function failedReport(input: string): PageReport {
  return { input, failed: true, title: null, kind: null, confidence: 0, charsIn: 0, charsOut: 0, charsRelated: 0, lostShare: 0, removedShare: 0, rules: {}, messages: [] };
}

/** Pages whose article lost most first; ties in input order, so the same run gives the same report. */
function byShare(a: PageReport & { order: number }, b: PageReport & { order: number }): number {
  return b.lostShare - a.lostShare || a.order - b.order;
}

export class BatchReport {
  private readonly pages: Array<PageReport & { order: number }> = [];
  private detailed = 0;

  constructor(readonly format: ReportFormat) {}

  add(report: PageReport, messages: string): void {
    this.pages.push({ ...report, messages: messages.split('\n').filter((line) => line !== ''), order: this.pages.length });
    if (report.lines !== undefined && ++this.detailed > 2 * DETAILED_PAGES) this.keepLinesOfTop();
  }

  /** Lets go of the lines of all but the DETAILED_PAGES pages that lost most. */
  private keepLinesOfTop(): void {
    const withLines = this.pages.filter((page) => page.lines !== undefined).sort(byShare);
    for (const page of withLines.slice(DETAILED_PAGES)) delete page.lines;
    this.detailed = Math.min(withLines.length, DETAILED_PAGES);
  }

  /** The report as data: totals, then the pages, those that lost most first. */
  result(): { schemaVersion: 1; totals: Totals; pages: PageReport[] } {
    this.keepLinesOfTop();
    const pages = [...this.pages].sort(byShare);
    const rules: Record<string, number> = {};
    for (const page of pages) for (const [rule, count] of Object.entries(page.rules)) rules[rule] = (rules[rule] ?? 0) + count;
    const cleaned = pages.filter((page) => !page.failed);
    const totals: Totals = {
      pages: pages.length,
      cleaned: cleaned.length,
      failed: pages.length - cleaned.length,
      charsIn: cleaned.reduce((sum, page) => sum + page.charsIn, 0),
      charsOut: cleaned.reduce((sum, page) => sum + page.charsOut, 0),
      charsRelated: cleaned.reduce((sum, page) => sum + page.charsRelated, 0),
      rules: Object.fromEntries(Object.entries(rules).sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))),
    };
    return { schemaVersion: 1, totals, pages: pages.map(({ order: _order, ...page }) => page) };
  }

  /** The file's content: JSON, or the self-contained HTML review page. */
  async render(): Promise<string> {
    const data = this.result();
    if (this.format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
    const { renderHtmlReport } = await import('./batch-report-html.js');
    return renderHtmlReport(data);
  }
}

/** --report's format from the file's name. */
export function reportFormatOf(file: string): ReportFormat | null {
  if (/\.json$/i.test(file)) return 'json';
  return /\.html?$/i.test(file) ? 'html' : null;
}
