import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles, removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

/** Pages from an invented aggregator, FooNews, with chrome no built-in rule knows. */
function fooNewsPages(count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, n) => [
      `pages/p${String(n).padStart(2, '0')}.txt`,
      [
        'FooNews Daily',
        'Tap to follow FooNews',
        `Harbour story number ${n}`,
        `The harbour authority published its report number ${n} on Monday, and the council discussed it for hours.`,
        // A real sentence printed on two pages only: under the threshold, it must stay.
        ...(n < 2 ? ['"We will rebuild the bridge before winter," the mayor said at the opening of the new depot.'] : []),
        `Fares will rise in district ${n}. FOONEWS EXCLUSIVE OFFER BELOW Work on the new ramp starts in May.`,
        'Get FooNews Plus for ad-free reading',
      ].join('\n'),
    ]),
  );
}

describe('clean-news learn, then --rules', () => {
  it('proposes a rule file that removes the site chrome and keeps real sentences under the threshold', () => {
    const dir = tempDir(fooNewsPages(12));
    const learned = runCli(['learn', 'pages'], dir);
    expect(learned.status).toBe(0);
    expect(learned.stderr).toBe('');
    writeFileSync(path.join(dir, 'foonews.json'), learned.stdout);
    const ids = (JSON.parse(learned.stdout) as { rules: { id: string }[] }).rules.map((rule) => rule.id);
    // "FooNews Daily" and "Tap to follow FooNews" recur too, but the built-in rules remove them already.
    expect(ids).toEqual(['learned/foonews-exclusive-offer-below', 'learned/get-foonews-plus-for-ad-free-reading']);

    const run = runCli(['--rules', 'foonews.json', '--stdout', 'pages/p01.txt'], dir);
    expect(run).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'Harbour story number 1',
        '',
        'The harbour authority published its report number 1 on Monday, and the council discussed it for hours.',
        '"We will rebuild the bridge before winter," the mayor said at the opening of the new depot.',
        'Fares will rise in district 1. Work on the new ramp starts in May.',
        '',
      ].join('\n'),
    });
    const explained = runCli(['--rules', 'foonews.json', '--explain', 'pages/p01.txt'], dir);
    expect(explained.stdout).toContain('[learned/get-foonews-plus-for-ad-free-reading]');
    const stats = runCli(['--rules', 'foonews.json', '--stats', '--quiet', 'pages'], dir);
    expect(stats.stderr).toMatch(/12  learned\/get-foonews-plus-for-ad-free-reading$/m);
    expect(runCli(['rules', '--rules', 'foonews.json'], dir).stdout).toMatch(/^learned\/get-foonews-plus-for-ad-free-reading\s+learned\s+line\s+Line seen in 12 of 12 pages/m);
  });

  it('on the aggregator fixtures, proposes only what the rules keep, and its rules change nothing the built-in rules decide', () => {
    const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'aggregator');
    const files = Object.fromEntries(readdirSync(fixtures).filter((name) => /^\d+\.txt$/.test(name)).map((name) => [`pages/${name}`, readFileSync(path.join(fixtures, name), 'utf8')]));
    const dir = tempDir(files);
    const learned = runCli(['learn', '--min-pages', '2', 'pages'], dir);
    expect(learned.status).toBe(0);
    const lines = (JSON.parse(learned.stdout) as { rules: Array<{ lines?: string[] }> }).rules.flatMap((rule) => rule.lines ?? []);
    for (const chrome of ['Related Articles', 'Comments', 'Try Our AI Features', 'logo']) expect(lines).not.toContain(chrome);
    writeFileSync(path.join(dir, 'mysite.json'), learned.stdout);
    const builtin = runCli(['--stdout', '--format', 'json', 'pages'], dir);
    const withLearned = runCli(['--rules', 'mysite.json', '--stdout', '--format', 'json', 'pages'], dir);
    const texts = (run: { stdout: string }) => run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { title: string | null; text: string; related: unknown[] }).map(({ title, text, related }) => ({ title, text, related }));
    expect(texts(withLearned)).toEqual(texts(builtin));
  });

  it('gives the same proposals whatever order the pages are named in', () => {
    const dir = tempDir(fooNewsPages(6));
    const names = Array.from({ length: 6 }, (_, n) => `pages/p0${n}.txt`);
    expect(runCli(['learn', ...names.reverse()], dir).stdout).toBe(runCli(['learn', 'pages'], dir).stdout);
  });
});

describe('clean-news.config.json', () => {
  it('sets defaults, switches rules off, and is shown by --print-config', () => {
    const dir = tempDir({
      'clean-news.config.json': JSON.stringify({ format: 'json', rules: { 'generic/image-alt-text': 'off' } }),
      'site/a.txt': 'logo\nCouncil approves transport plan\nThe council approved the new transport plan on Tuesday after a long debate.\n',
    });
    expect(runCli(['a.txt'], path.join(dir, 'site')).status).toBe(0);
    const record = JSON.parse(readFileSync(path.join(dir, 'site/a.clean.json'), 'utf8')) as { title: string; removed: Array<{ rule: string }> };
    // The image alt text rule is off, so no removal is credited to it ("logo" is left to the generic layer).
    expect(record.title).toBe('Council approves transport plan');
    expect(record.removed.map((removal) => removal.rule)).not.toContain('generic/image-alt-text');
    expect(runCli(['--format', 'text', 'site/a.txt'], dir).status).toBe(0);
    expect(listFiles(dir)).toContain('site/a.clean.txt');
    const printed = JSON.parse(runCli(['--print-config'], dir).stdout) as { configFile: string; options: object; disabled: string[]; rules: string[] };
    expect(printed.configFile).toBe(path.join(dir, 'clean-news.config.json'));
    expect(printed.options).toEqual({ format: 'json' });
    expect(printed.disabled).toEqual(['generic/image-alt-text']);
    expect(printed.rules).not.toContain('generic/image-alt-text');
  });

  it('stops a run with a bad configuration or rule file before anything is written: status 2, file, JSON path, problem', () => {
    const dir = tempDir({
      'clean-news.config.json': JSON.stringify({ rules: { 'generic/no-such-rule': 'off' }, ruleFiles: ['site.json'] }),
      'site.json': JSON.stringify({
        rules: [
          { id: 'site/a', kind: 'sparkle', description: 'x' },
          { kind: 'line', description: 'no id', lines: ['x'] },
          { id: 'site/b', kind: 'pattern', description: 'x', pattern: '([unclosed' },
          { id: 'generic/byline', kind: 'line', description: 'x', lines: ['x'] },
        ],
      }),
      'a.txt': 'Council approves transport plan\nThe council approved the plan.\n',
    });
    const before = listFiles(dir);
    const run = runCli(['a.txt'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^clean-news: site\.json: \$\.rules\[0\]\.kind: unknown rule kind "sparkle"/),
      'clean-news: site.json: $.rules[1].id: missing',
      expect.stringMatching(/^clean-news: site\.json: \$\.rules\[2\]\.pattern: invalid regular expression/),
      'clean-news: site.json: $.rules[3].id: duplicate rule id "generic/byline"',
      'clean-news: clean-news.config.json: $.rules["generic/no-such-rule"]: unknown rule id (see clean-news rules)',
    ]);
    expect(listFiles(dir)).toEqual(before);
  });

  it('runs a pattern prone to catastrophic backtracking in linear time, and rejects what RE2 cannot run', () => {
    const dir = tempDir({
      'evil.json': JSON.stringify({ rules: [{ id: 'site/evil', kind: 'pattern', description: 'x', pattern: '(a+)+' }] }),
      'lookahead.json': JSON.stringify({ rules: [{ id: 'site/ahead', kind: 'pattern', description: 'x', pattern: '(?=Ad)Advert' }] }),
      'long.txt': `Title\n\n${'a'.repeat(100_000)}!\n${'a'.repeat(50_000)}\n`,
    });
    const run = runCli(['--rules', 'evil.json', '--explain', 'long.txt'], dir);
    expect(run.status).toBe(0);
    // Each line of the explanation (under its first line, the page's kind and confidence) as its mark, its length and its end.
    const [head, ...lines] = run.stdout.split('\n');
    expect(head).toMatch(/^# [a-z]+, confidence [01]\.\d\d$/);
    expect(lines.map((line) => `${line.slice(0, 2)}${line.length} ${line.slice(-12)}`)).toEqual([
      '  7   Title',
      '0 ',
      '  100003 aaaaaaaaaaa!',
      '- 50015  [site/evil]',
      '0 ',
    ]);
    const rejected = runCli(['--rules', 'lookahead.json', 'long.txt'], dir);
    expect(rejected.status).toBe(2);
    expect(rejected.stderr).toMatch(/^clean-news: lookahead\.json: \$\.rules\[0\]\.pattern: not supported by the linear-time engine \(RE2 syntax: no look-arounds or back-references\): invalid or unsupported Perl syntax: `\(\?=`$/m);
    expect(listFiles(dir)).toEqual(['evil.json', 'long.txt', 'lookahead.json']);
  });

  it('reports a --config file that does not exist, and JSON that does not parse', () => {
    const dir = tempDir({ 'broken.json': '{ "format": ', 'a.txt': 'x\n' });
    expect(runCli(['--config', 'nope.json', 'a.txt'], dir)).toMatchObject({ status: 2, stderr: 'clean-news: nope.json: $: cannot read: no such file\n' });
    expect(runCli(['--config', 'broken.json', 'a.txt'], dir).stderr).toMatch(/^clean-news: broken\.json: \$: not valid JSON/);
  });
});

describe('hostile configuration and rule files', () => {
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const huge = 'x'.repeat(1_000_000);
  /** Every problem is one line naming the file, and short, whatever the file holds. */
  const oneLineEach = (stderr: string, file: string) => {
    const lines = stderr.trimEnd().split('\n');
    for (const line of lines) {
      expect(line.startsWith(`clean-news: ${file}: $`), line.slice(0, 200)).toBe(true);
      expect(line.length).toBeLessThan(400);
    }
    return lines;
  };

  it('refuse nesting of any depth with one line naming the file, status 2, nothing written', () => {
    const dir = tempDir({ 'clean-news.config.json': `{"format": ${deep(5_000)}}`, 'deep.json': `{"rules": [${deep(100_000)}]}`, 'a.txt': 'A page.\n' });
    const found = runCli(['a.txt'], dir);
    expect(found.status).toBe(2);
    expect(oneLineEach(found.stderr, 'clean-news.config.json')).toEqual(['clean-news: clean-news.config.json: $.format[0][0]…: nested more than 64 levels deep']);
    const rules = runCli(['--no-config', '--rules', 'deep.json', 'a.txt'], dir);
    expect(rules.status).toBe(2);
    expect(oneLineEach(rules.stderr, 'deep.json')).toEqual(['clean-news: deep.json: $.rules[0][0]…: nested more than 64 levels deep']);
    expect(listFiles(dir)).toEqual(['a.txt', 'clean-news.config.json', 'deep.json']);
  });

  it('quote a value or key of megabytes cut short, and refuse a file without end', () => {
    const dir = tempDir({
      'big.json': JSON.stringify({ format: huge, [huge]: 1, packs: { [huge]: 'off' }, rules: { [huge]: 'off' } }),
      'rules.json': JSON.stringify({ rules: [{ id: 'a/b', kind: 'pattern', description: huge, pattern: `(${huge}` }, { id: `a/${'b'.repeat(5_000)}`, kind: 'line', description: 'x', lines: [huge] }, { id: `a/${'b'.repeat(5_000)}`, kind: 'line', description: 'y', lines: ['z'] }] }),
      'a.txt': 'A page.\n',
    });
    const config = runCli(['--config', 'big.json', 'a.txt'], dir);
    expect(config.status).toBe(2);
    const lines = oneLineEach(config.stderr, 'big.json');
    expect(lines).toHaveLength(4);
    expect(lines).toContain(`clean-news: big.json: $.format: unknown value "${'x'.repeat(59)}… (1,000,002 characters) (expected one of "text", "json")`);
    const rules = runCli(['--no-config', '--rules', 'rules.json', 'a.txt'], dir);
    expect(rules.status).toBe(2);
    expect(oneLineEach(rules.stderr, 'rules.json').map((line) => line.replace(/x{20,}|b{20,}/g, '…'))).toEqual([
      'clean-news: rules.json: $.rules[0].pattern: invalid regular expression: Invalid regular expression: /(……/: Unterminated group',
      'clean-news: rules.json: $.rules[2].id: duplicate rule id "a/…… (5,004 characters)',
    ]);
    const endless = runCli(['--config', '/dev/zero', 'a.txt'], dir);
    expect(endless.status).toBe(2);
    expect(endless.stderr).toMatch(/^clean-news: [^\n]*dev\/zero: \$: larger than 64 MB: not a configuration or rule file\n$/);
  });
});
