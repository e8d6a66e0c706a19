/** The JSON output and the --jsonl lines against the JSON Schemas the package ships. */
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import output from '../src/schemas/output.schema.json' with { type: 'json' };
import jsonlRecord from '../src/schemas/jsonl-record.schema.json' with { type: 'json' };
import crawlRecord from '../src/schemas/crawl-record.schema.json' with { type: 'json' };
import { wetFile } from '../scripts/crawl-files.js';
import { page, removeTempDirs, runCli, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addSchema(output);
const validPage = ajv.compile({ $ref: output.$id });
const validLine = ajv.compile(jsonlRecord);
const validCrawlLine = ajv.compile(crawlRecord);

const errorsOf = (valid: ReturnType<Ajv['compile']>, value: unknown): string[] => (valid(value) ? [] : (valid.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));

describe('the output schemas', () => {
  const fixtures = fg.sync('fixtures/**/*.clean.json').sort();

  it('find the fixture outputs to check', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  it.each(fixtures)('%s is a valid page', (file) => {
    expect(errorsOf(validPage, JSON.parse(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('reject what the output never is', () => {
    const good = JSON.parse(readFileSync(fixtures[0] ?? '', 'utf8')) as Record<string, unknown>;
    expect(errorsOf(validPage, { ...good, schemaVersion: 2 })).not.toEqual([]);
    expect(errorsOf(validPage, { ...good, score: 1 })).not.toEqual([]);
    expect(errorsOf(validPage, { ...good, removed: [{ rule: 'x', line: 0, text: '' }] })).not.toEqual([]);
    const { input: _input, ...withoutInput } = good;
    expect(errorsOf(validPage, withoutInput)).not.toEqual([]);
  });

  it('hold for every line of a --jsonl stream, records and error records alike', () => {
    const input = [
      JSON.stringify({ id: 'a', url: 'https://example.com/a', text: page('the harbour') }),
      '{oops',
      JSON.stringify({ id: 7, error: 'a field of the input', text: page('the ferry') }),
      '',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify([1, 2]),
    ].join('\n');
    const run = runCli(['--jsonl', '--quiet'], tempDir(), input);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(errorsOf(validLine, line)).toEqual([]);
    expect(lines.map((line) => 'schemaVersion' in line)).toEqual([true, false, true, false, false, false]);
    expect(errorsOf(validLine, { line: 2 })).not.toEqual([]);
    expect(errorsOf(validLine, { line: 2, error: 'x', extra: 1 })).not.toEqual([]);
  });
});

describe('the crawl record schema', () => {
  it('holds for every page line and every rejected line of a crawl file', async () => {
    const pages = Array.from({ length: 12 }, (_, n) => ({ url: `https://example.org/${n}`, text: n % 4 === 3 ? 'Advertisement\n' : page(`district ${n}`) }));
    const dir = tempDir({ 'crawl.warc.wet.gz': Buffer.concat([await wetFile(pages), Buffer.from('not gzip data')]) });
    const result = runCli(['--rejected', 'rejected.jsonl', 'crawl.warc.wet.gz'], dir);
    const lines = [...result.stdout.split('\n'), ...readFileSync(`${dir}/rejected.jsonl`, 'utf8').split('\n')].filter((line) => line !== '');
    const reasons = new Set(lines.map((line) => (JSON.parse(line) as { reason?: string }).reason));
    expect([...reasons].sort()).toEqual(expect.arrayContaining([undefined, 'corrupt-record', 'empty-after-cleaning']));
    for (const line of lines) expect(errorsOf(validCrawlLine, JSON.parse(line))).toEqual([]);
    expect(errorsOf(validCrawlLine, { file: null, offset: 0, reason: 'tired', message: 'x' })).not.toEqual([]);
  }, 60_000);
});
