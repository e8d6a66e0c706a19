import { symlinkSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { afterEach, describe, expect, it } from 'vitest';
import { expandArguments } from '../src/cli/inputs.js';
import { removeTempDirs, tempDir } from './cli-helpers.js';

afterEach(removeTempDirs);

describe('a directory argument', () => {
  it('lists the files the glob **/*.txt takes below it, in the order of sorting their whole paths', async () => {
    // Names that sort differently alone and as the start of a path: `a` < `a-b.txt` < `a.txt`, but `a.txt` < `a/...`.
    const names = ['a.txt', 'a-b.txt', 'a/b.txt', 'a/.c.txt', 'a0/d.txt', 'B.txt', 'é.txt', '.hidden/e.txt', 'f.TXT', 'g', 'x/y/z.txt', 'x.txt/h.txt', 'x-/i.txt'];
    const dir = tempDir(Object.fromEntries(names.map((name) => [`p/${name}`, ''])));
    symlinkSync(path.join(dir, 'p/a.txt'), path.join(dir, 'p/link.txt'));
    symlinkSync(path.join(dir, 'p/x'), path.join(dir, 'p/linked-dir'));
    const root = path.join(dir, 'p');
    const globbed = (await fg('**/*.txt', { cwd: root, dot: false, followSymbolicLinks: false, onlyFiles: true })).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const listed = (await expandArguments([root])).map((input) => (input.kind === 'file' ? path.relative(root, input.path) : input.kind));
    expect(listed).toEqual(globbed);
    expect(listed).toEqual(['B.txt', 'a-b.txt', 'a.txt', 'a/b.txt', 'a0/d.txt', 'x-/i.txt', 'x.txt/h.txt', 'x/y/z.txt', 'é.txt']);
  });
});
