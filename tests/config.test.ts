import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { CONFIG_FILE_NAME } from '../src/config/find.js';
import { ConfigError } from '../src/config/errors.js';
import { jsonPath } from '../src/config/schema-errors.js';
import { builtinRules, createCleaner } from '../src/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clean-news-config-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${path.basename(problem.file)} ${problem.path}: ${problem.message}`);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('uses the built-in rules when there is no configuration', () => {
    const config = loadConfig({ cwd: project({}) });
    expect(config.file).toBeNull();
    expect(config.rules.map((rule) => rule.id)).toEqual(builtinRules.map((rule) => rule.id));
  });

  it('finds the configuration in a parent directory, turns packs and rules off and on, and loads rule files', () => {
    const dir = project({
      [CONFIG_FILE_NAME]: { packs: { wordpress: 'off' }, rules: { 'wordpress/continue-reading': 'on', 'generic/hashtags': 'off' }, ruleFiles: ['rules/site.json'], format: 'json', outDir: 'out', maxRemoved: 0.5 },
      'rules/site.json': { rules: [{ id: 'site/share-bar', kind: 'line', description: 'The share bar.', lines: ['Share this'] }] },
      'pages/a/.keep': '',
    });
    const config = loadConfig({ cwd: path.join(dir, 'pages/a') });
    const ids = config.rules.map((rule) => rule.id);
    expect(config.file).toBe(path.join(dir, CONFIG_FILE_NAME));
    expect(ids).toContain('site/share-bar');
    expect(ids[0]).toBe('site/share-bar');
    expect(ids).toContain('wordpress/continue-reading');
    expect(ids).not.toContain('wordpress/connect-with-us');
    expect(ids).not.toContain('generic/hashtags');
    expect(config.disabled).toEqual(expect.arrayContaining(['wordpress/connect-with-us', 'generic/hashtags']));
    expect(config.options).toEqual({ format: 'json', outDir: path.join(dir, 'out'), maxRemoved: 0.5 });
  });

  it('applies user rules of every kind like built-in ones', () => {
    const dir = project({
      'site.json': {
        rules: [
          { id: 'site/promo', kind: 'line', description: 'Promo line.', lines: ['GET OUR APP'] },
          { id: 'site/share', kind: 'pattern', description: 'Share lines.', pattern: '^Share on \\w+$' },
          { id: 'site/ad', kind: 'inline', description: 'Inline ad.', pattern: '\\[AD\\]' },
          { id: 'site/footer', kind: 'section', description: 'Footer.', start: ['More from Site'], minBodyChars: 0 },
          { id: 'site/poll', kind: 'block', description: 'Poll.', start: { pattern: '^POLL:' }, end: ['Vote now'] },
          { id: 'site/dateline', kind: 'metadata', description: 'Source and time.', pattern: '^(?<source>[A-Z][\\w ]+) \\| (?<published>.+)$' },
        ],
      },
    });
    const config = loadConfig({ cwd: dir, ruleFiles: ['site.json'] });
    const result = createCleaner({ config })(
      [
        'Council approves transport plan',
        'Metro Daily | 4 hours ago',
        'GET OUR APP',
        'The council approved the plan on Tuesday. [AD] Work starts in May, officials said.',
        'POLL: Do you agree?',
        'Yes',
        'Vote now',
        'Share on Facebook',
        'The vote was close, and members spoke for hours before it.',
        'More from Site',
        'Another story',
      ].join('\n'),
    );
    expect(result).toMatchObject({ source: 'Metro Daily', published: '4 hours ago' });
    expect(result.paragraphs).toEqual(['The council approved the plan on Tuesday. Work starts in May, officials said.', 'The vote was close, and members spoke for hours before it.']);
    expect(new Set(result.removed.map((removal) => removal.rule))).toEqual(new Set(['site/dateline', 'site/promo', 'site/ad', 'site/poll', 'site/share', 'site/footer']));
  });

  it('names the file, the JSON path and the problem for every bad value', () => {
    const dir = project({
      [CONFIG_FILE_NAME]: { rules: { 'nope/nothing': 'off' }, packs: { imaginary: 'off' }, ruleFiles: ['missing.json', 'bad.json'], colour: 'red' },
      'bad.json': {
        rules: [
          { id: 'site/a', kind: 'sparkle', description: 'x' },
          { kind: 'line', description: 'no id', lines: ['x'] },
          { id: 'site/b', kind: 'pattern', description: 'x', pattern: '([a-z' },
          { id: 'site/c', kind: 'pattern', description: 'x', pattern: '(?<=\\$)\\d+' },
          { id: 'generic/byline', kind: 'line', description: 'x', lines: ['x'] },
          { id: 'site/d', kind: 'line', description: 'x', lines: ['x'] },
          { id: 'site/d', kind: 'line', description: 'x', lines: ['y'] },
        ],
      },
    });
    const problems = problemsOf(() => loadConfig({ cwd: dir }));
    expect(problems).toEqual(
      expect.arrayContaining([
        `${CONFIG_FILE_NAME} $.colour: unknown property`,
        expect.stringMatching(/^clean-news\.config\.json \$\.ruleFiles\[0\]: cannot read .*missing\.json: no such file$/),
        expect.stringMatching(/^bad\.json \$\.rules\[0\]\.kind: unknown rule kind "sparkle"/),
        'bad.json $.rules[1].id: missing',
        expect.stringMatching(/^bad\.json \$\.rules\[2\]\.pattern: invalid regular expression/),
        expect.stringMatching(/^bad\.json \$\.rules\[3\]\.pattern: not supported by the linear-time engine \(RE2 syntax: no look-arounds or back-references\)/),
        'bad.json $.rules[4].id: duplicate rule id "generic/byline"',
        'bad.json $.rules[6].id: duplicate rule id "site/d"',
        `${CONFIG_FILE_NAME} $.packs["imaginary"]: unknown pack (packs: ${[...new Set(builtinRules.map((rule) => rule.id.split('/')[0]))].join(', ')})`,
        `${CONFIG_FILE_NAME} $.rules["nope/nothing"]: unknown rule id (see clean-news rules)`,
      ]),
    );
  });

  it('reports a configuration that is not JSON, and a --config file that does not exist', () => {
    expect(problemsOf(() => loadConfig({ cwd: project({ [CONFIG_FILE_NAME]: '{ "format": ' }) }))).toEqual([expect.stringMatching(/^clean-news\.config\.json \$: not valid JSON/)]);
    expect(problemsOf(() => loadConfig({ cwd: project({}), configFile: 'elsewhere.json' }))).toEqual(['elsewhere.json $: cannot read: no such file']);
  });
});

describe('jsonPath', () => {
  it('turns a JSON pointer into a JSON path', () => {
    expect(jsonPath('')).toBe('$');
    expect(jsonPath('/rules/2/pattern')).toBe('$.rules[2].pattern');
    expect(jsonPath('/rules/generic~1byline')).toBe('$.rules["generic/byline"]');
  });
});
