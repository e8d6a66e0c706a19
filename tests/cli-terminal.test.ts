/**
 * Text for people never carries a page's control characters to the terminal: an OSC 0 window
 * title, an OSC 8 link, a CSI clear-screen, a C1 CSI, a bell, a CR. They are shown escaped
 * (`\e]0;`) in --explain, check's diffs, learn, rules and every message; data on stdout keeps them.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { removeTempDirs, runCli, runCliEnv, tempDir } from './cli-helpers.js';

const FORCE_COLOR_ON = { FORCE_COLOR: '1' } as const;

afterEach(removeTempDirs);

/** What a terminal acts on: every C0 control but newline and tab, DEL, and the C1 controls. */
const RAW_CONTROL = /[\0-\x08\x0b-\x1f\x7f-\x9f]/;

const TITLE = '\x1b]0;pwned\x07';
const CLEAR = '\x1b[2J';
const C1_CSI = '\u009b2J';
const LINK = '\x1b]8;;http://evil.example\x1b\\the plan\x1b]8;;\x1b\\';

const HOSTILE = [
  `Council approves plan ${TITLE}`,
  '',
  `The council met on Monday ${CLEAR} and ${C1_CSI} approved ${LINK} after a debate that lasted most of the day.`,
  'Opponents said the plan would raise fares for commuters, while supporters pointed to faster journeys.',
  '',
].join('\n');

describe('text for people', () => {
  it('--explain shows the controls of a page escaped, in color or not', () => {
    const dir = tempDir({ 'page.txt': HOSTILE });
    for (const env of [{ NO_COLOR: '1' }, FORCE_COLOR_ON]) {
      const run = runCliEnv(['--explain', 'page.txt'], dir, env);
      expect(run.status).toBe(0);
      // Colors are the tool's own sequences; the page's are shown as text.
      expect(run.stdout.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(RAW_CONTROL);
      expect(run.stdout).toContain('\\e]0;pwned\\x07');
      expect(run.stdout).toContain('\\e[2J');
      expect(run.stdout).toContain('\\u009b2J');
    }
  });

  it('--explain heads each page with its file name escaped', () => {
    const dir = tempDir({ [`a${CLEAR}.txt`]: HOSTILE, 'b.txt': HOSTILE });
    const run = runCliEnv(['--explain', '.'], dir, { NO_COLOR: '1' });
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stdout).toContain('==> a\\e[2J.txt <==\n');
  });

  it('but --stdout and JSON keep the page as it was: they are data', () => {
    const dir = tempDir({ 'page.txt': HOSTILE });
    expect(runCli(['--stdout', 'page.txt'], dir).stdout).toBe(clean(HOSTILE).text);
    expect(clean(HOSTILE).text).toContain(CLEAR);
    const record = JSON.parse(runCli(['--stdout', '--format', 'json', 'page.txt'], dir).stdout) as { text: string };
    expect(record.text).toBe(clean(HOSTILE).text);
  });

  it("check's diffs show what a hostile or binary expected file holds, escaped", () => {
    const dir = tempDir({ 'pages/a.txt': HOSTILE, 'pages/b.txt': HOSTILE });
    writeFileSync(path.join(dir, 'pages/a.clean.txt'), `${CLEAR}${TITLE}\r\nwhat was expected\u009b\n`);
    writeFileSync(path.join(dir, 'pages/b.clean.txt'), Buffer.from([0x00, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x9b, 0x07, 0x0d, 0x0a]));
    for (const env of [{ NO_COLOR: '1' }, FORCE_COLOR_ON]) {
      const run = runCliEnv(['check', 'pages'], dir, env);
      expect(run.status).toBe(1);
      expect(run.stdout.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(RAW_CONTROL);
      expect(run.stdout).toContain('-\\e[2J\\e]0;pwned\\x07\\r');
      expect(run.stdout).toContain('-\\0\\e[2J');
    }
  });

  it('learn prints JSON with every control escaped, which reads back as the page had it', () => {
    const line = `Members ${TITLE} only ${C1_CSI}`;
    const pages = Object.fromEntries(
      Array.from({ length: 4 }, (_, n) => [
        `pages/p${n}.txt`,
        [`Harbour story number ${n}`, `The harbour authority published its report number ${n} on Monday, and the council discussed it for hours.`, line, `Officials said the plan for district ${n} would be reviewed again before any money is spent.`].join('\n'),
      ]),
    );
    const run = runCli(['learn', '--min-pages', '3', 'pages'], tempDir(pages));
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    const lines = (JSON.parse(run.stdout) as { rules: Array<{ lines?: string[] }> }).rules.flatMap((rule) => rule.lines ?? []);
    expect(lines).toContain(line);
  });

  it('rules and messages show the controls of rule files, configurations and arguments escaped', () => {
    const dir = tempDir({
      'site.json': JSON.stringify({ rules: [{ id: 'site/banner', kind: 'line', description: `A banner ${TITLE}${C1_CSI}`, lines: ['Banner'] }] }),
      'bad/clean-news.config.json': JSON.stringify({ format: `json${CLEAR}`, outDir: 7 }),
      'bad/a.txt': 'A page.\n',
    });
    const table = runCli(['rules', '--rules', 'site.json'], dir);
    expect(table.stdout).not.toMatch(RAW_CONTROL);
    expect(table.stdout).toContain('A banner \\e]0;pwned\\x07\\u009b2J');
    const json = runCli(['rules', '--format', 'json', '--rules', 'site.json'], dir);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect((JSON.parse(json.stdout) as Array<{ description: string }>).find((rule) => rule.description.startsWith('A banner'))?.description).toBe(`A banner ${TITLE}${C1_CSI}`);
    const config = runCli(['a.txt'], path.join(dir, 'bad'));
    expect(config.status).toBe(2);
    expect(config.stderr).not.toMatch(RAW_CONTROL);
    expect(config.stderr).toContain('json\\u001b[2J');
    const argument = runCli(['--format', `text${TITLE}`, 'x.txt'], dir);
    expect(argument.status).toBe(2);
    expect(argument.stderr).not.toMatch(RAW_CONTROL);
    expect(argument.stderr).toContain('\\e]0;pwned\\x07');
  });
});
