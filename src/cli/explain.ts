/**
 * `--explain`: the page as it came in, every removed line and every cut-out phrase marked with
 * the rule that removed it. Pure: the page and its removals in, lines out.
 *
 *     - Yahoo13 hours ago  [generic/source-time]        a removed line
 *     - Privacy Policy  [generic/boilerplate -3.12]    removed by the generic layer, with its score
 *       Kept text with [-Advertisement-]{widgets/ad} a cut   a kept line, one phrase cut out
 *
 * With colors the same characters are printed, styled, so stripping the colors gives the plain form.
 */
import type { ChalkInstance } from 'chalk';
import type { Removal } from '../engine/types.js';
import { visibleLine } from './visible.js';

/** A piece of a kept line: text that stays, or a phrase a rule cut out. */
export type Part = { kind: 'kept'; text: string } | { kind: 'cut'; text: string; rule: string };

export type ExplainedLine =
  | { kind: 'blank' }
  | { kind: 'removed'; text: string; rules: string[]; related?: true }
  | { kind: 'kept'; parts: Part[] };

/** Splits the page as the engine does: CRLF, CR and LF end a line; a leading BOM and a final empty line go. */
function pageLines(page: string): string[] {
  const body = page.charCodeAt(0) === 0xfeff ? page.slice(1) : page;
  const lines = body.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A removal's rule, and the generic layer's score where it made the removal. */
function ruleLabel(removal: Removal): string {
  return removal.score === undefined ? removal.rule : `${removal.rule} ${removal.score.toFixed(2)}`;
}

/**
 * Each input line (trimmed, as the engine reads it) with what happened to it. A removal whose
 * text is the whole line removed the line; any other removal on a line is a phrase cut out of it.
 */
export function explainPage(page: string, removed: readonly Removal[]): ExplainedLine[] {
  const byLine = new Map<number, Removal[]>();
  for (const removal of removed) {
    const list = byLine.get(removal.line);
    if (list) list.push(removal);
    else byLine.set(removal.line, [removal]);
  }
  return pageLines(page).map((raw, index): ExplainedLine => {
    const text = raw.trim();
    const removals = byLine.get(index + 1) ?? [];
    if (removals.some((removal) => removal.text === text) && text !== '') {
      const rules = [...new Set(removals.map(ruleLabel))];
      // Moved into a related story, not lost: the report tells the two apart.
      return removals.every((removal) => removal.related === true) ? { kind: 'removed', text, rules, related: true } : { kind: 'removed', text, rules };
    }
    if (text === '' && removals.length === 0) return { kind: 'blank' };
    return { kind: 'kept', parts: cutParts(text, removals) };
  });
}

/**
 * Finds each cut phrase in its line, in order. Each rule's cuts follow one another along the
 * line, and no two cuts overlap; a phrase that cannot be found (a cut that spans an earlier
 * cut) is still shown, after the line, so no removal goes unmarked.
 */
export function cutParts(line: string, cuts: readonly Removal[]): Part[] {
  const placed: Array<{ start: number; end: number; cut: Removal }> = [];
  const unplaced: Removal[] = [];
  const ruleEnd = new Map<string, number>();
  for (const cut of cuts) {
    let at = -1;
    if (cut.text !== '') {
      at = findFree(line, cut.text, ruleEnd.get(cut.rule) ?? 0, placed);
      if (at < 0) at = findFree(line, cut.text, 0, placed);
    }
    if (at < 0) {
      unplaced.push(cut);
      continue;
    }
    placed.push({ start: at, end: at + cut.text.length, cut });
    ruleEnd.set(cut.rule, at + cut.text.length);
  }
  placed.sort((a, b) => a.start - b.start);
  const parts: Part[] = [];
  let from = 0;
  for (const { start, end, cut } of placed) {
    if (start > from) parts.push({ kind: 'kept', text: line.slice(from, start) });
    parts.push({ kind: 'cut', text: cut.text, rule: cut.rule });
    from = end;
  }
  if (from < line.length) parts.push({ kind: 'kept', text: line.slice(from) });
  for (const cut of unplaced) {
    if (parts.length > 0) parts.push({ kind: 'kept', text: ' ' });
    parts.push({ kind: 'cut', text: cut.text, rule: cut.rule });
  }
  return parts;
}

/** The first occurrence of `phrase` at or after `from` that overlaps no placed cut, or -1. */
function findFree(line: string, phrase: string, from: number, placed: ReadonlyArray<{ start: number; end: number }>): number {
  for (let at = line.indexOf(phrase, from); at >= 0; at = line.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    if (!placed.some((cut) => at < cut.end && cut.start < end)) return at;
  }
  return -1;
}

/**
 * The explained page as text, one line per input line; `chalk` at level 0 gives the plain form.
 * It is for a person: the page's control characters are shown escaped (`\e]0;`), never sent.
 */
export function renderExplained(lines: readonly ExplainedLine[], chalk: ChalkInstance): string {
  const rule = (text: string): string => chalk.cyan(text);
  return lines
    .map((line) => {
      if (line.kind === 'blank') return '\n';
      if (line.kind === 'removed') {
        return `${chalk.red('-')} ${chalk.red.dim.strikethrough(visibleLine(line.text))}  ${rule(`[${line.rules.join(', ')}]`)}\n`;
      }
      const parts = line.parts.map((part) =>
        part.kind === 'kept' ? visibleLine(part.text) : `${chalk.red('[-')}${chalk.red.strikethrough(visibleLine(part.text))}${chalk.red('-]')}${rule(`{${part.rule}}`)}`,
      );
      return `  ${parts.join('')}\n`;
    })
    .join('');
}
