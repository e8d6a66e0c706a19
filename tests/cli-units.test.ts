/** Unit tests for the pure helpers behind check, --explain, rules, --stats and the batch feedback. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { colorDiff, unifiedDiff } from '../src/cli/check.js';
import { colorLevel } from '../src/cli/color.js';
import { cutParts, explainPage, renderExplained } from '../src/cli/explain.js';
import { ProgressBar, renderBar } from '../src/cli/progress.js';
import { formatRuleTable } from '../src/cli/rules.js';
import { formatStats, formatSummary, pageCounts, Tally } from '../src/cli/tally.js';
import type { CleanResult } from '../src/index.js';

const plain = new Chalk({ level: 0 });

describe('colorLevel', () => {
  const tty = { isTTY: true, getColorDepth: () => 8 };
  const pipe = { isTTY: false };

  it('colors a terminal at its depth, never a pipe', () => {
    expect(colorLevel(tty, {})).toBe(2);
    expect(colorLevel({ isTTY: true, getColorDepth: () => 24 }, {})).toBe(3);
    expect(colorLevel(pipe, {})).toBe(0);
    expect(colorLevel(tty, { TERM: 'dumb' })).toBe(0);
  });

  it('lets --no-color win over everything, FORCE_COLOR over NO_COLOR, NO_COLOR over the terminal', () => {
    expect(colorLevel(tty, { FORCE_COLOR: '3' }, false)).toBe(0);
    expect(colorLevel(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(1);
    expect(colorLevel(pipe, { FORCE_COLOR: '' })).toBe(1);
    expect(colorLevel(tty, { FORCE_COLOR: '0' })).toBe(0);
    expect(colorLevel(tty, { FORCE_COLOR: 'false' })).toBe(0);
    expect(colorLevel(tty, { NO_COLOR: '1' })).toBe(0);
    // An empty NO_COLOR does not count (no-color.org).
    expect(colorLevel(tty, { NO_COLOR: '' })).toBe(2);
  });
});

describe('explainPage', () => {
  it('marks whole removed lines, cuts inside kept lines in order, and keeps blank lines blank', () => {
    const page = '\uFEFFlogo\r\n\r\nTitle here\rBody one. Ad Body two. Ad End.\n  indented kept  \n';
    const lines = explainPage(page, [
      { rule: 'x/logo', line: 1, text: 'logo' },
      { rule: 'x/ad', line: 4, text: 'Ad' },
      { rule: 'x/ad', line: 4, text: 'Ad' },
    ]);
    expect(renderExplained(lines, plain)).toBe(
      ['- logo  [x/logo]', '', '  Title here', '  Body one. [-Ad-]{x/ad} Body two. [-Ad-]{x/ad} End.', '  indented kept', ''].join('\n'),
    );
  });

  it('never places two cuts on the same characters, and shows a phrase it cannot find after the line', () => {
    expect(cutParts('A x B x C', [
      { rule: 'r/one', line: 1, text: 'x' },
      { rule: 'r/two', line: 1, text: 'x' },
      { rule: 'r/three', line: 1, text: 'gone' },
    ])).toEqual([
      { kind: 'kept', text: 'A ' },
      { kind: 'cut', text: 'x', rule: 'r/one' },
      { kind: 'kept', text: ' B ' },
      { kind: 'cut', text: 'x', rule: 'r/two' },
      { kind: 'kept', text: ' C' },
      { kind: 'kept', text: ' ' },
      { kind: 'cut', text: 'gone', rule: 'r/three' },
    ]);
  });

  it('lists every rule that removed the same line', () => {
    expect(explainPage('menu\n', [{ rule: 'a/b', line: 1, text: 'menu' }, { rule: 'c/d', line: 1, text: 'menu' }])).toEqual([{ kind: 'removed', text: 'menu', rules: ['a/b', 'c/d'] }]);
  });

  it('prints the plain characters, styled, when colored', () => {
    const lines = explainPage('logo\nKeep Ad this\n', [{ rule: 'x/logo', line: 1, text: 'logo' }, { rule: 'x/ad', line: 2, text: 'Ad' }]);
    const colored = renderExplained(lines, new Chalk({ level: 1 }));
    expect(colored).not.toBe(renderExplained(lines, plain));
    expect(colored.replace(/\x1b\[[0-9;]*m/g, '')).toBe(renderExplained(lines, plain));
  });
});

describe('unifiedDiff and colorDiff', () => {
  it('heads the diff `--- expected PATH` / `+++ actual` and colors + green, - red, @@ cyan', () => {
    const patch = unifiedDiff('pages/a b.clean.txt', 'one\ntwo\n', 'one\n2\n');
    expect(patch).toBe("--- expected 'pages/a b.clean.txt'\n+++ actual\n@@ -1,2 +1,2 @@\n one\n-two\n+2\n");
    expect(colorDiff(patch, plain)).toBe(patch);
    const colored = colorDiff(patch, new Chalk({ level: 1 }));
    expect(colored).toContain('\x1b[31m-two\x1b[39m');
    expect(colored).toContain('\x1b[32m+2\x1b[39m');
    expect(colored).toContain('\x1b[36m@@ -1,2 +1,2 @@\x1b[39m');
    // A removed line that happens to start with `-- ` is still red, not a header.
    expect(colorDiff(unifiedDiff('a', 'x\n-- sig\n', 'x\n'), new Chalk({ level: 1 }))).toContain('\x1b[31m--- sig\x1b[39m');
  });

  it('diffs large files with few changes, and summarises files that differ throughout instead of taking minutes', () => {
    const lines = Array.from({ length: 20_000 }, (_, n) => `Line ${n} of the article, as the expected file has it.`);
    const changed = lines.map((line, n) => (n % 5_000 === 7 ? `${line} Changed.` : line));
    const patch = unifiedDiff('a.clean.txt', `${lines.join('\n')}\n`, `${changed.join('\n')}\n`);
    expect(patch.split('\n').filter((line) => line.startsWith('+L'))).toEqual([0, 1, 2, 3].map((k) => `+${changed[k * 5_000 + 7]}`));
    const other = Array.from({ length: 20_000 }, (_, n) => `Another line ${n * 7}, nothing like the first.`);
    expect(unifiedDiff('a.clean.txt', `${lines.join('\n')}\n`, `${['Line 0 of the article, as the expected file has it.', ...other].join('\n')}\n`)).toBe(
      '--- expected a.clean.txt\n+++ actual\n@@ over 1000 lines differ, from line 2 on: the expected file has 20000 lines, the output 20001 (too many changes to show as a diff) @@\n',
    );
  }, 30_000);
});

describe('formatRuleTable', () => {
  it('pads each column to its widest cell, two spaces apart, without trailing spaces', () => {
    expect(formatRuleTable([
      { id: 'a/long-rule-id', pack: 'a', kind: 'line', description: 'First.' },
      { id: 'bb/x', pack: 'bb', kind: 'model', description: 'Second.' },
    ])).toBe(
      'ID              PACK  KIND   DESCRIPTION\n' +
        'a/long-rule-id  a     line   First.\n' +
        'bb/x            bb    model  Second.\n',
    );
  });
});

describe('Tally', () => {
  const result = (text: string, rules: readonly string[]): CleanResult => ({
    title: null,
    source: null,
    published: null,
    byline: null,
    kind: 'article',
    confidence: 1,
    paragraphs: [],
    text,
    related: [],
    removed: rules.map((rule, index) => ({ rule, line: index + 1, text: 'x' })),
  });

  it('counts pages, code points and removals per rule, ranked by count then id', () => {
    const tally = new Tally();
    tally.add(pageCounts('héllo 😀\n', result('😀\n', ['b/two', 'a/one', 'b/two'])));
    tally.add(pageCounts('page two\n', result('two\n', ['c/three', 'a/one'])));
    tally.failed = 1;
    tally.skipped = 2;
    expect(tally.ranked()).toEqual([['a/one', 2], ['b/two', 2], ['c/three', 1]]);
    expect(formatSummary(tally)).toBe(
      'clean-news: 2 cleaned, 1 failed, 2 skipped (own outputs); 17 characters in, 6 out\nclean-news: top rules: a/one 2, b/two 2, c/three 1\n',
    );
    expect(formatStats(tally, ['a/one', 'b/two', 'c/three', 'd/never', 'e/never'])).toBe(
      'removals by rule over 2 pages:\n  2  a/one\n  2  b/two\n  1  c/three\nnever fired (2 of 5 rules):\n  d/never\n  e/never\n',
    );
  });

  it('names a rule that alone took more than half the text of more than half the pages long enough to tell, and no other', () => {
    const first = 'The council met on Monday to discuss the budget, and members spoke for hours about it before the vote.';
    const second = 'Several of them asked for more time to read the proposals, which run to three hundred pages in all.';
    const page = `${first}\n${second}\n`;
    const took = (rule: string, text: string, related?: true) => ({ ...result('', []), removed: [{ rule, line: 1, text, ...(related ? { related } : {}) }] });
    const tally = new Tally();
    // a/all takes a whole page twice; b/half exactly half of one (not more); c/some a little.
    tally.add(pageCounts(page, took('a/all', first + second)));
    tally.add(pageCounts(page, took('a/all', first + second)));
    tally.add(pageCounts(`${first}\n${first}\n`, took('b/half', first)));
    tally.add(pageCounts(page, took('c/some', 'The council')));
    // A page too short to tell counts for nothing: a line of garbage is most of its page.
    tally.add(pageCounts('!\n', took('d/short', '!')));
    tally.add(pageCounts('?\n', took('d/short', '?')));
    expect(tally.greedyRules()).toEqual([]);
    tally.add(pageCounts(page, took('a/all', first)));
    expect(tally.greedyRules()).toEqual([['a/all', 3]]);
    expect(formatSummary(tally)).toContain('clean-news: warning: a/all alone removed most of the text of 3 of 5 pages: is it right? (--explain shows what it removes)\n');
    // Lines moved into related stories are not taken from the article.
    const moved = new Tally();
    for (let n = 0; n < 3; n++) moved.add(pageCounts(page, took('generic/related-articles', first + second, true)));
    expect(moved.greedyRules()).toEqual([]);
  });

  it('says so when nothing fired', () => {
    const tally = new Tally();
    expect(formatSummary(tally)).toContain('top rules: none fired');
    expect(formatStats(tally, ['a/one'])).toBe('removals by rule over 0 pages:\n  (none)\nnever fired (1 of 1 rules):\n  a/one\n');
  });
});

describe('the progress bar', () => {
  it('fits its line in the terminal width, cutting the start of a long label', () => {
    expect(renderBar(12, 48, 'pages/a.txt', 80)).toBe('[======>                 ] 12/48  pages/a.txt');
    expect(renderBar(48, 48, 'a.txt', 80)).toBe('[========================] 48/48  a.txt');
    const long = renderBar(1, 9, `pages/${'x'.repeat(100)}/a.txt`, 60);
    expect(long.length).toBe(59);
    expect(long.endsWith('x/a.txt')).toBe(true);
    expect(long).toContain('  …x');
    expect(renderBar(1, 9, 'a.txt', 20).length).toBeLessThan(20);
  });

  it('redraws in place with \\r, not more often than it needs, and clears itself', () => {
    const written: string[] = [];
    let now = 0;
    const bar = new ProgressBar({ write: (text: string) => written.push(text), columns: 60 }, 10, () => now);
    bar.update(0, 'a.txt');
    bar.update(1, 'b.txt');
    now = 1000;
    bar.update(2, 'c.txt');
    bar.clear();
    bar.clear();
    expect(written).toEqual([`\r${renderBar(0, 10, 'a.txt', 60)}\x1b[K`, `\r${renderBar(2, 10, 'c.txt', 60)}\x1b[K`, '\r\x1b[K']);
  });
});
