/** The README and docs/ link to files and headings that exist. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const documents = ['README.md', ...fg.sync('docs/*.md', { cwd: root })].sort();

/** Markdown without its fenced code blocks, where `#` starts comments, not headings. */
const prose = (text: string): string => text.replace(/^```[\s\S]*?^```/gm, '');

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const headings = [...prose(readFileSync(path.join(root, file), 'utf8')).matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1] ?? ''));
  return new Set(headings);
}

describe('the documentation', () => {
  it.each(documents)('%s links to files and headings that exist', (file) => {
    const broken: string[] = [];
    for (const [, target] of prose(readFileSync(path.join(root, file), 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (target === undefined || /^[a-z]+:/.test(target)) continue;
      const [where, anchor] = target.split('#');
      const linked = where === '' || where === undefined ? file : path.join(path.dirname(file), where);
      if (!existsSync(path.join(root, linked))) broken.push(target);
      else if (anchor !== undefined && linked.endsWith('.md') && !anchorsOf(linked).has(anchor)) broken.push(target);
    }
    expect(broken).toEqual([]);
  });

  it('keeps the quick start to two commands', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(quickStart.trim().split('\n').map((line) => line.replace(/\s+#.*$/, ''))).toEqual(['npm ci && npx clean-news fixtures/seeds/*.txt', 'npm test']);
  });
});
