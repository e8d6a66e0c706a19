/**
 * The package as users get it: packed into a tarball, installed into a fresh project, and used
 * as a CLI, from ESM, from CommonJS (Node 20.19+ loads ESM with require), and from TypeScript
 * with the packed types under NodeNext and Bundler resolution.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wetFile } from '../scripts/crawl-files.js';

const REPO = path.resolve('.');
const PAGE = 'Storm hits coast\n\nThe storm reached the coast on Monday, and thousands of homes lost power overnight.\nAdvertisement\n';

let work = '';
let project = '';
let packed: string[] = [];

function run(command: string, args: readonly string[], cwd: string, input?: string | Uint8Array) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', ...(input === undefined ? {} : { input }) });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'clean-news-package-'));
  // The build is the one the tests run on (npm test builds first): packing must not rebuild it under them.
  const pack = run('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--json'], REPO);
  expect(pack.status).toBe(0);
  const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
  packed = info.files.map((file) => file.path).sort();
  project = path.join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(work, info.filename)], project);
  expect(install).toMatchObject({ status: 0 });
  // No install script for users to approve, no dependency to fetch.
  expect(install.stderr).not.toMatch(/install-scripts|warn/i);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships only what runs: the bin, the bundles, the types, the schemas, LICENSE and README', () => {
    expect(packed.filter((file) => !/^(?:bin\/(?:clean-news|load-cli)\.cjs|dist\/bundle\/[\w-]+\.js|dist\/bundle\/cli\.(?:cjs|cache)|dist\/bundle\/eld-\w+\.json|dist\/types\/[\w/-]+\.d\.ts|dist\/schemas\/[\w.-]+\.json|LICENSE|README\.md|package\.json)$/.test(file))).toEqual([]);
    expect(packed).toEqual(expect.arrayContaining(['LICENSE', 'bin/clean-news.cjs', 'bin/load-cli.cjs', 'dist/bundle/cli.cjs', 'dist/bundle/cli.cache', 'dist/bundle/worker.js', 'dist/bundle/index.js', 'dist/bundle/eld-extrasmall.json', 'dist/types/index.d.ts', 'dist/schemas/rule-file.schema.json']));
  });

  it('installs with no dependencies and runs its bin', () => {
    expect(run('npm', ['ls', '--all', '--parseable'], project).stdout.trim().split('\n').map((line) => path.relative(project, line))).toEqual(['', 'node_modules/clean-news']);
    const bin = path.join(project, 'node_modules', '.bin', 'clean-news');
    expect(run(bin, ['--version'], project)).toMatchObject({ status: 0, stdout: '0.1.0\n' });
    expect(run(bin, [], project, PAGE)).toEqual({ status: 0, stdout: 'Storm hits coast\n\nThe storm reached the coast on Monday, and thousands of homes lost power overnight.\n', stderr: '' });
  });

  it('reads a WET file, its language detector loaded from beside the bundle', async () => {
    const bin = path.join(project, 'node_modules', '.bin', 'clean-news');
    const wet = await wetFile([{ url: 'https://example.org/storm', text: PAGE }]);
    const result = run(bin, ['--quiet', '--input-format', 'warc'], project, wet);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ url: 'https://example.org/storm', language: 'en', text: 'Storm hits coast\n\nThe storm reached the coast on Monday, and thousands of homes lost power overnight.\n' });
  });

  it('loads from ESM and from CommonJS', () => {
    const use = `console.log(JSON.stringify([m.clean(${JSON.stringify(PAGE)}).removed, typeof m.loadRuleFile, typeof m.decode, new m.CleanNewsError('ERR_CLEAN_NEWS_RULE', 'x').code]))`;
    const expected = `${JSON.stringify([[{ rule: 'generic/advertisement-line', line: 4, text: 'Advertisement' }], 'function', 'function', 'ERR_CLEAN_NEWS_RULE'])}\n`;
    expect(run(process.execPath, ['--input-type=module', '-e', `import * as m from 'clean-news'; ${use}`], project)).toEqual({ status: 0, stdout: expected, stderr: '' });
    expect(run(process.execPath, ['-e', `const m = require('clean-news'); ${use}`], project)).toMatchObject({ status: 0, stdout: expected });
  });

  it.each(['NodeNext', 'Bundler'])('type-checks a consumer against the packed types (%s)', (resolution) => {
    const dir = path.join(project, `types-${resolution}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'consumer.ts'),
      `import { clean, createCleaner, loadConfig, loadRuleFile, decode, CleanNewsError, ConfigError, type CleanResult, type Rule, type Decoded } from 'clean-news';
const rule: Rule = { id: 'site/promo', kind: 'line', description: 'Promo.', lines: ['GET OUR APP'], scope: 'page' };
const result: CleanResult = createCleaner({ rules: [rule] })('text');
const title: string | null = clean('text').title;
const decoded: Decoded = decode(new Uint8Array([104, 105]));
const rules: Rule[] = loadRuleFile('site.json');
const code: string = new CleanNewsError('ERR_CLEAN_NEWS_ARGUMENT', 'x').code;
export const uses = [result, title, decoded, rules, code, loadConfig, ConfigError];
// @ts-expect-error a page is a string
clean(42);
// @ts-expect-error an unknown kind of rule
const wrong: Rule = { id: 'a/b', kind: 'sparkle', description: 'x' };
export { wrong };
`,
    );
    const module = resolution === 'NodeNext' ? 'NodeNext' : 'ESNext';
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module, moduleResolution: resolution, target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [path.join(REPO, 'node_modules', '@types')] },
        files: ['consumer.ts'],
      }),
    );
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    expect(run(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], dir)).toMatchObject({ status: 0, stdout: '' });
  }, 300_000);
});
