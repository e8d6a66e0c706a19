import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, afterEach } from 'vitest';
import { expandArguments } from '../src/cli/inputs.js';
import { isOwnOutput, outputPathFor } from '../src/cli/output.js';
import { displayPath, Reporter } from '../src/cli/report.js';
import { removeTempDirs, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

describe('outputPathFor', () => {
  it('replaces .txt, or appends when the name does not end in .txt', () => {
    expect(outputPathFor('pages/a.txt', 'text', 'pages')).toBe('pages/a.clean.txt');
    expect(outputPathFor('pages/a.txt', 'json', 'pages')).toBe('pages/a.clean.json');
    expect(outputPathFor('pages/a.html', 'text', 'pages')).toBe('pages/a.html.clean.txt');
    expect(outputPathFor('a.TXT', 'text', '.')).toBe('a.TXT.clean.txt');
  });

  it('keeps the path relative to the base under an out dir', () => {
    expect(outputPathFor('pages/sub/a.txt', 'text', 'pages', 'out')).toBe('out/sub/a.clean.txt');
    expect(outputPathFor('pages/sub/a.txt', 'text', 'pages/sub', 'out')).toBe('out/a.clean.txt');
  });
});

describe('isOwnOutput', () => {
  it('recognises exactly the names the tool writes', () => {
    expect(['a.clean.txt', 'dir/a.clean.json'].map(isOwnOutput)).toEqual([true, true]);
    expect(['a.txt', 'clean.txt', 'a.cleantxt', 'a.clean.txt.bak'].map(isOwnOutput)).toEqual([false, false, false, false]);
  });
});

describe('displayPath', () => {
  it('leaves plain paths bare and quotes the rest for a shell, on one line', () => {
    expect(displayPath('pages/a-1_b.txt')).toBe('pages/a-1_b.txt');
    expect(displayPath('x/*.txt')).toBe("'x/*.txt'");
    expect(displayPath("it's here.txt")).toBe("'it'\\''s here.txt'");
    expect(displayPath('two\nlines\t.txt')).toBe("$'two\\nlines\\t.txt'");
    expect(displayPath('')).toBe("''");
  });
});

describe('Reporter', () => {
  const capture = (options: { quiet?: boolean; debug?: boolean }): { reporter: Reporter; text: () => string } => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    return { reporter: new Reporter(options, stream), text: () => chunks.join('') };
  };

  it('silences warnings, not errors, when quiet', () => {
    const { reporter, text } = capture({ quiet: true });
    reporter.warning('a.txt', 'odd');
    reporter.error('b.txt', 'bad');
    expect(text()).toBe('clean-news: b.txt: bad\n');
  });

  it('words system errors plainly and never prints their stack', () => {
    const { reporter, text } = capture({ debug: true });
    const denied = Object.assign(new Error("EACCES: permission denied, open 'a.txt'"), { code: 'EACCES' });
    reporter.failure('a.txt', denied);
    reporter.failure('a.txt', denied, 'cannot write a.clean.txt');
    expect(text()).toBe('clean-news: a.txt: permission denied\nclean-news: a.txt: cannot write a.clean.txt: permission denied\n');
  });

  it('prints an unexpected error as its first line, with the stack only under --debug', () => {
    const bug = new Error('engine broke\nsecond line');
    const plain = capture({});
    plain.reporter.failure('a.txt', bug);
    plain.reporter.crash(bug);
    expect(plain.text()).toBe('clean-news: a.txt: engine broke\nclean-news: engine broke\n');
    const debug = capture({ debug: true });
    debug.reporter.failure('a.txt', bug);
    expect(debug.text()).toBe(`clean-news: a.txt: engine broke\n${bug.stack ?? ''}\n`);
  });
});

describe('expandArguments', () => {
  it('gives inputs in argument order, each expansion sorted, without repeats or own outputs, with their bases', async () => {
    const dir = tempDir({ 'p/b.txt': '', 'p/a.txt': '', 'p/a.clean.txt': '', 'p/s/c.txt': '', 'q.txt': '' });
    const at = (file: string): string => path.join(dir, file);
    const expanded = await expandArguments([at('q.txt'), at('p'), '-', `${dir}/p/*.txt`, at('q.txt'), '-', at('none/*.txt')]);
    expect(expanded).toEqual([
      { kind: 'file', path: at('q.txt'), base: dir },
      { kind: 'file', path: at('p/a.txt'), base: at('p') },
      { kind: 'file', path: at('p/b.txt'), base: at('p') },
      { kind: 'file', path: at('p/s/c.txt'), base: at('p') },
      { kind: 'stdin' },
      { kind: 'unmatched', argument: at('none/*.txt'), reason: 'no files match' },
    ]);
  });

  it("takes a glob's static base as the base of its files", async () => {
    const dir = tempDir({ 'p/s/c.txt': '' });
    expect(await expandArguments([`${dir}/p/**/*.txt`])).toEqual([{ kind: 'file', path: `${dir}/p/s/c.txt`, base: `${dir}/p` }]);
  });
});
