import { afterEach, describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { builtinRules, packOf } from '../src/rules/index.js';
import { NO_COLOR, page, removeTempDirs, runCliEnv, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

describe('clean-news rules', () => {
  it('prints a table of every built-in rule: id, pack, kind, description, in aligned columns', () => {
    const run = runCliEnv(['rules'], tempDir(), NO_COLOR);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n').slice(0, -1);
    expect(lines).toHaveLength(builtinRules.length + 1);
    const header = lines[0] ?? '';
    expect(header).toMatch(/^ID +PACK +KIND +DESCRIPTION$/);
    const columns = ['PACK', 'KIND', 'DESCRIPTION'].map((name) => header.indexOf(name));
    builtinRules.forEach((rule, index) => {
      const line = lines[index + 1] ?? '';
      expect(line.startsWith(`${rule.id} `)).toBe(true);
      expect(line.slice(columns[0], columns[1]).trim()).toBe(packOf(rule));
      expect(line.slice(columns[1], columns[2]).trim()).toBe(rule.kind);
      expect(line.slice(columns[2])).toBe(rule.description);
    });
  });

  it('prints a JSON array of {id, pack, kind, description} with --format json', () => {
    const run = runCliEnv(['rules', '--format', 'json'], tempDir(), NO_COLOR);
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as unknown[];
    expect(rows).toHaveLength(builtinRules.length);
    expect(rows).toEqual(builtinRules.map((rule) => ({ id: rule.id, pack: packOf(rule), kind: rule.kind, description: rule.description })));
  });

  it('takes no paths, and checks its --format', () => {
    expect(runCliEnv(['rules', 'a.txt'], tempDir(), NO_COLOR).status).toBe(2);
    const bad = runCliEnv(['rules', '--format', 'xml'], tempDir(), NO_COLOR);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^clean-news: .*'xml' is invalid.*\nTry 'clean-news rules --help'\.\n$/);
  });
});

describe('--stats', () => {
  const pages = {
    'a.txt': page('the harbour'),
    'b.txt': page('the park', 'The council met on Monday. Advertisement The vote passed easily, and the park plan now goes ahead as drawn.'),
    'c.txt': page('the bridge'),
  };

  /** Removals per rule over the pages, as the library counts them. */
  function counts(): Map<string, number> {
    const byRule = new Map<string, number>();
    for (const text of Object.values(pages)) for (const { rule } of clean(text).removed) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
    return byRule;
  }

  it('prints on stderr each rule that fired with its count, the most first, then the rules that never fired', () => {
    const dir = tempDir(pages);
    const run = runCliEnv(['--stats', '--stdout', '.'], dir, NO_COLOR);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('removals by rule');
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('removals by rule over 3 pages:');
    const neverAt = lines.findIndex((line) => line.startsWith('never fired'));
    const fired = lines.slice(1, neverAt).map((line) => {
      const match = /^ +(\d+) {2}(\S+)$/.exec(line);
      expect(match, line).not.toBeNull();
      return [match?.[2] ?? '', Number(match?.[1])] as const;
    });
    const expected = counts();
    expect(new Map(fired)).toEqual(expected);
    expect(fired.map(([, count]) => count)).toEqual([...expected.values()].sort((a, b) => b - a));
    expect(expected.get('generic/advertisement-inline')).toBe(1);

    const never = builtinRules.map((rule) => rule.id).filter((id) => !expected.has(id));
    expect(never.length).toBeGreaterThan(0);
    expect(lines[neverAt]).toBe(`never fired (${never.length} of ${builtinRules.length} rules):`);
    expect(lines.slice(neverAt + 1, neverAt + 1 + never.length)).toEqual(never.map((id) => `  ${id}`));
    expect(lines.slice(neverAt + 1 + never.length)).toEqual(['']);
  });

  it('counts only the pages that were cleaned, and is printed for a single page too', () => {
    const dir = tempDir(pages);
    const run = runCliEnv(['--stats', 'a.txt', 'missing.txt'], dir, NO_COLOR);
    expect(run.status).toBe(1);
    expect(run.stderr.startsWith('clean-news: missing.txt: no such file or directory\nremovals by rule over 1 page:\n')).toBe(true);
    const single = runCliEnv(['--stats', 'a.txt'], dir, NO_COLOR);
    expect(single.stderr).toContain('removals by rule over 1 page:\n');
    expect(single.stderr).toContain('never fired (');
  });
});
