/**
 * A configuration found by searching is used only when it is safe (git's safe.directory is the
 * model): not another user's, not writable by others, not in a directory others can write to
 * unless it is sticky and the file is yours. The search stops at the repository's root or the
 * user's home; what cannot be used is reported, never fatal.
 */
import { chmodSync, chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { CONFIG_FILE_NAME } from '../src/config/find.js';
import { page, removeTempDirs, runCli, runCliWithSummary, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const CONFIG = JSON.stringify({ format: 'json', ruleFiles: ['site.json'] });
const RULES = JSON.stringify({ rules: [{ id: 'site/promo', kind: 'line', description: 'Promo.', lines: ['GET OUR APP'] }] });

/** root/CONFIG, root/site.json and root/work/deep, the directory runs start from. */
function tree(): { root: string; cwd: string; config: string } {
  const root = tempDir({ [CONFIG_FILE_NAME]: CONFIG, 'site.json': RULES, 'work/deep/.keep': '' });
  return { root, cwd: path.join(root, 'work', 'deep'), config: path.join(root, CONFIG_FILE_NAME) };
}

const load = (cwd: string, extra: object = {}) => loadConfig({ cwd, home: '/nonexistent', ...extra });
const asRoot = process.getuid?.() === 0;

describe('finding the configuration safely', () => {
  it('uses a configuration and rule file of your own, in a directory only you can write to', () => {
    const { cwd, config } = tree();
    const found = load(cwd);
    expect(found.file).toBe(config);
    expect(found.rules.map((rule) => rule.id)).toContain('site/promo');
    expect(found.warnings).toEqual([]);
  });

  it('ignores, with a warning, a configuration writable by others', () => {
    const { cwd, config } = tree();
    chmodSync(config, 0o666);
    const found = load(cwd);
    expect(found.file).toBeNull();
    expect(found.options).toEqual({});
    expect(found.warnings).toEqual([{ file: config, message: 'writable by other users: not used' }]);
  });

  it('ignores a configuration in a directory others can write to, unless it is sticky and the file is yours', () => {
    const { root, cwd, config } = tree();
    chmodSync(root, 0o777);
    expect(load(cwd).warnings).toEqual([{ file: config, message: `in ${root}, which other users can write to: not used` }]);
    chmodSync(root, 0o1777);
    expect(load(cwd).file).toBe(config);
  });

  it.skipIf(!asRoot)('ignores a configuration another user owns, as one planted in /tmp would be', () => {
    const { cwd, config } = tree();
    chownSync(config, 65534, 65534);
    expect(load(cwd).warnings).toEqual([{ file: config, message: 'owned by another user (uid 65534): not used' }]);
    // Named on the command line, it is the user's choice.
    expect(load(cwd, { configFile: config }).file).toBe(config);
  });

  it('ignores an unsafe rule file that a found configuration names, but not one named with --config', () => {
    const { root, cwd, config } = tree();
    chmodSync(path.join(root, 'site.json'), 0o666);
    const found = load(cwd);
    expect(found.file).toBe(config);
    expect(found.rules.map((rule) => rule.id)).not.toContain('site/promo');
    expect(found.warnings).toEqual([{ file: path.join(root, 'site.json'), message: 'writable by other users: not used' }]);
    expect(load(cwd, { configFile: config }).rules.map((rule) => rule.id)).toContain('site/promo');
  });

  it('stops the search at the repository root and at the home directory', () => {
    const { root, cwd } = tree();
    mkdirSync(path.join(root, 'work', '.git'));
    expect(load(cwd).file).toBeNull();
    rmSync(path.join(root, 'work', '.git'), { recursive: true });
    expect(load(cwd, { home: path.join(root, 'work') }).file).toBeNull();
    expect(load(cwd, { home: root }).file).toBe(path.join(root, CONFIG_FILE_NAME));
  });

  it('reports a directory named like the configuration and goes on without one', () => {
    const { root, cwd } = tree();
    mkdirSync(path.join(root, 'work', CONFIG_FILE_NAME));
    const found = load(cwd);
    expect(found.file).toBeNull();
    expect(found.warnings).toEqual([{ file: path.join(root, 'work', CONFIG_FILE_NAME), message: 'is not a file: not used' }]);
  });

  it('--no-config searches for none; the batch summary and --print-config name the one in use', () => {
    const { root, cwd } = tree();
    writeFileSync(path.join(cwd, 'a.txt'), page('the harbour'));
    writeFileSync(path.join(cwd, 'b.txt'), page('the ferry'));
    const env = { HOME: root };
    expect(runCliWithSummary(['a.txt', 'b.txt'], cwd, env).stderr).toMatch(/\nclean-news: configuration: \.\.\/\.\.\/clean-news\.config\.json\n$/);
    const without = runCliWithSummary(['--no-config', '--stdout', 'a.txt', 'b.txt'], cwd, env);
    expect(without.stderr).not.toMatch(/configuration/);
    expect(without.stdout).not.toMatch(/^\{/);
    expect(JSON.parse(runCli(['--print-config'], cwd).stdout)).toMatchObject({ configFile: path.join(root, CONFIG_FILE_NAME) });
    expect(JSON.parse(runCli(['--no-config', '--print-config'], cwd).stdout)).toMatchObject({ configFile: null });
    chmodSync(path.join(root, CONFIG_FILE_NAME), 0o666);
    expect(runCli(['--stdout', 'a.txt'], cwd)).toMatchObject({ status: 0, stderr: 'clean-news: ../../clean-news.config.json: writable by other users: not used\n' });
  });
});
