import { describe, expect, it } from 'vitest';
import { hostOf, siteOf, type CorpusPage } from '../scripts/corpus.js';
import { lineFilter, scoreSnippets, sumSnippets } from '../scripts/measures.js';
import { DEFAULT_FIT, fitModel } from '../scripts/train/fit.js';
import { foldsByHost } from '../scripts/train/folds.js';
import { labelLines } from '../scripts/train/labels.js';
import { headlineBySlug, slugWords } from '../scripts/train/slug.js';
import { splitLines } from '../src/engine/lines.js';

describe('the snippet measure', () => {
  it('finds snippets in the whitespace-folded output and sums over pages', () => {
    const page = scoreSnippets('The storm reached the coast\non Monday.\nShare', ['reached the coast on Monday.', 'lost power'], ['Share', 'Advertisement']);
    expect(page).toEqual({ tp: 1, fn: 1, fp: 1 });
    expect(sumSnippets([page, { tp: 3, fn: 0, fp: 0 }])).toEqual({ precision: 0.8, recall: 0.8, f1: 0.8 });
  });

  it('has a line-filter baseline that keeps long lines and sentences', () => {
    expect(lineFilter('Home\nShare\nThe vote was close.\nOne two three four five six seven eight nine ten\n')).toBe('The vote was close.\nOne two three four five six seven eight nine ten');
  });
});

describe('grouping by site', () => {
  it('reads the site of an address, of an archived copy and of a named file', () => {
    expect(siteOf('www.news.example.co.uk')).toBe('example.co.uk');
    expect(hostOf('https://www.ctpost.com/news/a.php', 'x')).toBe('ctpost.com');
    expect(hostOf('https://web.archive.org/web/2016/http://muffinrezept.net/muffin', 'x')).toBe('muffinrezept.net');
    expect(hostOf('hard::jamaica.gleaner.com-victims.html', 'x')).toBe('gleaner.com');
    expect(hostOf('hard::laestrella.com.pa-laboral.html', 'x')).toBe('laestrella.com.pa');
    expect(hostOf(undefined, 'fallback')).toBe('fallback');
  });

  it('puts every page of a site in the same fold, the same way every time', () => {
    const pages = ['a', 'a', 'a', 'b', 'c', 'c', 'd', 'e'].map((host, index) => ({ host, index }));
    const folds = foldsByHost(pages, 3, (page) => page.host);
    expect(folds.flat()).toHaveLength(pages.length);
    for (const fold of folds) for (const page of fold) expect(folds.filter((other) => other.some((p) => p.host === page.host))).toHaveLength(1);
    expect(foldsByHost(pages, 3, (page) => page.host)).toEqual(folds);
  });
});

describe('headlines from addresses', () => {
  it('reads the slug and finds the line that holds it', () => {
    expect(slugWords('https://www.tdg.ch/suisse/berne-interdit-chlorothalonil/story/18348200')).toEqual(['berne', 'interdit', 'chlorothalonil']);
    expect(slugWords('https://example.com/article/12345')).toBeNull();
    const url = 'https://www.tdg.ch/suisse/berne-interdit-chlorothalonil/story/18348200';
    expect(headlineBySlug(url, ['Genève', 'Berne interdit désormais le chlorothalonil', 'Le chlorothalonil est utilisé'])).toBe(1);
    expect(headlineBySlug(url, ['Genève', 'Suisse'])).toBeNull();
  });
});

const goldPage: CorpusPage = {
  set: 'aggregator-dev',
  id: 'x',
  host: 'example.com',
  text: 'logo\nCouncil approves plan\nThe council approved the plan on Tuesday after a long debate in the chamber.\nShare\n',
  gold: 'Council approves plan\nThe council approved the plan on Tuesday after a long debate in the chamber.\n',
  title: 'Council approves plan',
};

describe('line labels', () => {
  it('label a gold page line by line, its headline as no body', () => {
    const labels = labelLines(goldPage, splitLines(goldPage.text), DEFAULT_FIT.trust);
    expect(labels.map((label) => label?.y)).toEqual([0, 0, 1, 0]);
  });

  it('label the lines holding snippets, and the lines outside them weakly', () => {
    const page: CorpusPage = { set: 'news-dev', id: 'y', host: 'example.org', text: 'Menu\nFirst sentence of the story.\nA middle line.\nLast sentence of the story.\nRelated story', with: ['First sentence', 'Last sentence of the story.'], without: ['Related story'] };
    const labels = labelLines(page, splitLines(page.text), { inside: 0, outside: 0.15 });
    expect(labels.map((label) => label && [label.y, label.confidence])).toEqual([[0, 0.15], [1, 1], [1, 0], [1, 1], [0, 1]]);
  });
});

describe('the fit', () => {
  it('is deterministic: the same pages give the same model', () => {
    const pages: CorpusPage[] = Array.from({ length: 6 }, (_, k) => ({ ...goldPage, id: `p${k}`, host: `site${k % 3}.com` }));
    const options = { ...DEFAULT_FIT, bits: 10, innerFolds: 2, boost: { ...DEFAULT_FIT.boost, trees: 5 } };
    expect(fitModel(pages, options).saved).toEqual(fitModel(pages, options).saved);
  });
});
