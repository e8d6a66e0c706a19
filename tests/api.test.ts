/** The library as a program uses it: checked arguments, typed errors, the CLI's configuration and decoding. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './cli-helpers.js';
import { builtinRules, clean, CleanNewsError, ConfigError, createCleaner, decode, loadConfig, loadRuleFile, type Rule } from '../src/index.js';

const PAGE = 'Storm hits coast\n\nThe storm reached the coast on Monday, and thousands of homes lost power overnight.\nGET OUR APP\n';

afterEach(removeTempDirs);

function thrown(run: () => unknown): { code?: string; message: string } {
  try {
    run();
  } catch (error) {
    return { ...(error instanceof CleanNewsError ? { code: error.code } : {}), message: (error as Error).message };
  }
  throw new Error('nothing was thrown');
}

describe('the library', () => {
  it('checks its arguments and says what it expected', () => {
    expect(thrown(() => clean(null as unknown as string))).toEqual({ code: 'ERR_CLEAN_NEWS_ARGUMENT', message: 'clean: text must be a string, got null' });
    expect(thrown(() => createCleaner()(42 as unknown as string))).toEqual({ code: 'ERR_CLEAN_NEWS_ARGUMENT', message: 'clean: text must be a string, got number 42' });
    expect(thrown(() => clean('x', { rules: 'generic/byline' as unknown as Rule[] })).message).toBe('createCleaner: rules must be an array of rules, got string "generic/byline"');
    expect(thrown(() => createCleaner({ rules: [{ id: 'Bad Id', kind: 'line', description: 'x', lines: [], scope: 'page' } as Rule] })).message).toMatch(/^createCleaner: rules\[0\]\.id must be "pack\/name"/);
    expect(thrown(() => createCleaner({ rules: [{ id: 'a/b', kind: 'sparkle', description: 'x' } as unknown as Rule] })).message).toMatch(/^createCleaner: rules\[0\]\.kind must be one of line, pattern/);
    expect(thrown(() => createCleaner({ rules: [{ id: 'a/b', kind: 'pattern', description: 'x', pattern: 'Share', scope: 'page' } as unknown as Rule] })).message).toBe('createCleaner: rules[0].pattern must be a RegExp, got string "Share"');
    expect(thrown(() => decode('text' as unknown as Uint8Array))).toEqual({ code: 'ERR_CLEAN_NEWS_ARGUMENT', message: 'decode: bytes must be a Uint8Array (or Buffer), got string "text"' });
    expect(thrown(() => loadRuleFile(7 as unknown as string)).code).toBe('ERR_CLEAN_NEWS_ARGUMENT');
  });

  it('takes a rule written in code without examples, before the built-in rules', () => {
    const promo: Rule = { id: 'site/promo', kind: 'line', description: 'The app banner.', lines: ['GET OUR APP'], scope: 'page' };
    const rules = [promo, ...builtinRules];
    const result = clean(PAGE, { rules });
    expect(result.removed).toEqual([{ rule: 'site/promo', line: 4, text: 'GET OUR APP' }]);
    expect(clean(PAGE, { rules })).toEqual(result);
  });

  it('matches an exact line of any length whatever its case and spacing', () => {
    const long = 'Sign Up For Our Morning Newsletter And Never Miss The Stories That Matter To You';
    const rules = [{ id: 'site/pitch', kind: 'line', description: 'The newsletter pitch.', lines: [long.toLowerCase()], scope: 'page' } as Rule, ...builtinRules];
    const page = `${PAGE}\n${long.replace(/ /g, '  ')}\n`;
    expect(clean(page, { rules }).removed).toContainEqual({ rule: 'site/pitch', line: PAGE.split('\n').length + 1, text: long.replace(/ /g, '  ') });
  });

  it('loads rule files and configurations as the CLI does, with its messages, as a ConfigError with a code', () => {
    const dir = tempDir({
      'site.json': JSON.stringify({ rules: [{ id: 'site/promo', kind: 'line', description: 'The app banner.', lines: ['GET OUR APP'] }] }),
      'bad.json': JSON.stringify({ rules: [{ id: 'site/x', kind: 'pattern', description: 'x', pattern: '(?=a)b' }] }),
      'config.json': JSON.stringify({ ruleFiles: ['site.json'], packs: { daily8: 'off' } }),
    });
    const rules = loadRuleFile(path.join(dir, 'site.json'));
    expect(rules.map((rule) => rule.id)).toEqual(['site/promo']);
    const error = (() => {
      try {
        loadRuleFile(path.join(dir, 'bad.json'));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code: 'ERR_CLEAN_NEWS_CONFIG', problems: [{ file: path.join(dir, 'bad.json'), path: '$.rules[0].pattern', message: expect.stringMatching(/^not supported by the linear-time engine/) }] });
    const config = loadConfig(path.join(dir, 'config.json'));
    expect(config.rules[0]?.id).toBe('site/promo');
    expect(config.disabled).toContain('daily8/ai-promo');
    expect(createCleaner({ config })(PAGE).removed.map((removal) => removal.rule)).toEqual(['site/promo']);
    expect(thrown(() => loadConfig(path.join(dir, 'missing.json')))).toMatchObject({ code: 'ERR_CLEAN_NEWS_CONFIG', message: expect.stringMatching(/missing\.json: \$: cannot read: no such file$/) });
  });

  it('decodes bytes as the CLI does, warnings included', () => {
    expect(decode(Buffer.from('\ufeffcafé', 'utf8'))).toEqual({ kind: 'text', text: 'café' });
    expect(decode(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toEqual({ kind: 'text', text: 'café', warning: 'not valid UTF-8, decoded as Windows-1252' });
    expect(decode(new Uint8Array([0, 1, 2, 3]))).toEqual({ kind: 'binary' });
  });
});
