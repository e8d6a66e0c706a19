/**
 * `npm run language`: which language detector crawl records get, measured on the development
 * pages as clean-news cleans them. news-dev gives each page's language; for multilingual-dev the
 * language is taken from the site's country domain (.de, .fr, .pl ...), which a few pages in
 * another language make a slightly noisy reference. Reports accuracy and time per page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eld as eldExtraSmall } from 'eld/extrasmall';
import { eld as eldSmall } from 'eld/small';
import { franc } from 'franc';
import { iso6393To1 } from 'iso-639-3';
import { clean } from '../src/index.js';
import { CORPUS_DIR, loadCorpus, type CorpusPage } from './corpus.js';

/** Country domains whose sites write one language. */
const COUNTRY_LANGUAGE: Readonly<Record<string, string>> = {
  de: 'de', at: 'de', fr: 'fr', it: 'it', es: 'es', nl: 'nl', pl: 'pl', cz: 'cs', ru: 'ru', pt: 'pt', br: 'pt', se: 'sv',
  dk: 'da', fi: 'fi', hu: 'hu', gr: 'el', tr: 'tr', ro: 'ro', jp: 'ja', cn: 'zh', kr: 'ko', uk: 'en', au: 'en', ie: 'en',
  nz: 'en', ua: 'uk', sk: 'sk', si: 'sl', hr: 'hr', bg: 'bg', lt: 'lt', lv: 'lv', ee: 'et',
};

/** franc names individual languages where ISO 639-1 has the macrolanguage. */
const MACRO: Readonly<Record<string, string>> = { arb: 'ar', zsm: 'ms', pes: 'fa', ekk: 'et', lvs: 'lv', cmn: 'zh', nob: 'no' };

const DETECTORS: ReadonlyArray<[string, (text: string) => string]> = [
  ['eld extrasmall (shipped)', (text) => eldExtraSmall.detect(text).language || 'none'],
  ['eld small', (text) => eldSmall.detect(text).language || 'none'],
  ['franc', (text) => {
    const code = franc(text, { minLength: 10 });
    return MACRO[code] ?? (iso6393To1 as Record<string, string>)[code] ?? 'none';
  }],
];

interface Labelled {
  text: string;
  language: string;
}

function labelled(pages: readonly CorpusPage[], languageOf: (page: CorpusPage) => string | undefined): Labelled[] {
  return pages.flatMap((page) => {
    const language = languageOf(page);
    return language === undefined ? [] : [{ text: clean(page.text).text, language }];
  });
}

function main(): void {
  const corpus = loadCorpus();
  if ('missing' in corpus) {
    console.log(`language: skipped, ${corpus.missing} not found`);
    return;
  }
  const set = (name: string) => corpus.sets.find((s) => s.name === name)?.pages ?? [];
  const newsIndex = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'news-dev', 'index.json'), 'utf8')) as Record<string, { language?: string }>;
  const sets: Array<[string, Labelled[]]> = [
    ['news-dev (language given)', labelled(set('news-dev'), (page) => newsIndex[page.id]?.language)],
    ['multilingual-dev (country domains)', labelled(set('multilingual-dev'), (page) => (page.url === undefined ? undefined : COUNTRY_LANGUAGE[new URL(page.url).hostname.split('.').pop() ?? '']))],
  ];
  for (const [name, pages] of sets) {
    const languages = new Set(pages.map((page) => page.language)).size;
    console.log(`${name}: ${pages.length} pages, ${languages} languages`);
    for (const [detector, detect] of DETECTORS) {
      let right = 0;
      const started = performance.now();
      const wrong = new Map<string, number>();
      for (const page of pages) {
        const got = detect(page.text);
        if (got === page.language) right++;
        else wrong.set(`${page.language}->${got}`, (wrong.get(`${page.language}->${got}`) ?? 0) + 1);
      }
      const ms = (performance.now() - started) / pages.length;
      const errors = [...wrong].sort((a, b) => b[1] - a[1]).map(([pair, count]) => `${pair} ${count}`).join(', ');
      console.log(`  ${detector.padEnd(26)} ${right}/${pages.length} (${((100 * right) / pages.length).toFixed(1)}%)  ${ms.toFixed(2)} ms a page  ${errors}`);
    }
  }
}

main();
