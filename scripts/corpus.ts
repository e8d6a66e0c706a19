/**
 * The development corpus in ../shared/corpus (see its README): five sets, read into one list of
 * pages with what each set knows of them. Development tooling: nothing here ships.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from '../src/input/decode.js';
import { PAGE_KINDS, type PageKind } from '../src/engine/model/page-kind.js';

/** The repository root: the nearest directory above this file with the package's package.json. */
function repositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const ROOT = repositoryRoot();
export const CORPUS_DIR = path.join(ROOT, '..', 'shared', 'corpus');

/**
 * How a set is scored: word 4-gram shingles against a full gold (with or without the headline),
 * snippets, or WCXB's bag of lower-cased words against a full gold of the body.
 */
export type Measure = 'text-shingles' | 'body-shingles' | 'snippets' | 'words';

export { PAGE_KINDS, type PageKind };

export interface CorpusPage {
  set: string;
  id: string;
  /** The site, for grouping cross-validation folds: no site is in two folds. */
  host: string;
  /** The page's address, where the set gives it. */
  url?: string;
  text: string;
  /** The whole expected output (aggregator-dev: title and body; generic-dev: body). */
  gold?: string;
  /** The headline as printed, null when the page has none; absent when unknown. */
  title?: string | null;
  /** Verbatim pieces that must be in the body, and pieces of chrome that must not. */
  with?: readonly string[];
  without?: readonly string[];
  /** What kind of page it is, where the set says (wcxb-dev). */
  kind?: PageKind;
  /** The author and publication date the set gives, where it does (wcxb-dev). */
  author?: string | null;
  date?: string | null;
}

export interface CorpusSet {
  name: string;
  measure: Measure;
  pages: CorpusPage[];
}

const readText = (file: string): string => {
  const decoded = decode(readFileSync(file));
  return decoded.kind === 'text' ? decoded.text : '';
};

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Two-letter second levels under a country code ("co.uk", "com.au"): the site is one label further. */
const SECOND_LEVEL = /^(?:co|com|net|org|gov|ac|edu|or|ne|go)$/;

/** The registrable part of a host name: "www.news.example.co.uk" → "example.co.uk". */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/^www\d?\./, '').split('.');
  const keep = labels.length >= 3 && SECOND_LEVEL.test(labels[labels.length - 2] ?? '') && (labels[labels.length - 1] ?? '').length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * The site of a page's address. Archive copies (web.archive.org, megalodon.jp) are grouped by the
 * page they hold; "hard::host-name.html" names the host first; anything else is its own group.
 */
export function hostOf(url: string | undefined, fallback: string): string {
  if (url === undefined) return fallback;
  const inner = /^https?:\/\/(?:web\.archive\.org|megalodon\.jp)\/.*?(https?:\/\/.*)$/.exec(url)?.[1];
  if (inner !== undefined) return hostOf(inner, fallback);
  if (url.startsWith('hard::')) return siteOf(hardHost(url.slice('hard::'.length)));
  try {
    const { hostname } = new URL(url);
    return hostname === '' ? fallback : siteOf(hostname);
  } catch {
    return fallback;
  }
}

/**
 * "jamaica.gleaner.com-victims.html", "dw.com.colonial.html", "laestrella.com.pa-laboral.html":
 * the host is the labels up to the first short one (a top-level domain), and a country code after it.
 */
function hardHost(name: string): string {
  const labels = name.replace(/\.html$/, '').split('-')[0]?.split('.') ?? [];
  const end = labels.findIndex((label, index) => index > 0 && label.length <= 3);
  if (end < 0) return labels.join('.');
  const next = labels[end + 1];
  return labels.slice(0, next !== undefined && /^[a-z]{2}$/.test(next) && SECOND_LEVEL.test(labels[end] ?? '') ? end + 2 : end + 1).join('.');
}

function pageNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt') && !/\.(?:gold|clean)\.txt$/.test(name))
    .sort();
}

function aggregatorDev(dir: string): CorpusSet {
  const pages = pageNames(dir).map((name): CorpusPage => {
    const id = name.replace(/\.txt$/, '');
    const meta = readJson(path.join(dir, `${id}.meta.json`)) as { url?: string; title?: string | null };
    return {
      set: 'aggregator-dev',
      id,
      host: hostOf(meta.url, `aggregator-dev/${id}`),
      ...(meta.url === undefined ? {} : { url: meta.url }),
      text: readText(path.join(dir, name)),
      gold: readFileSync(path.join(dir, `${id}.gold.txt`), 'utf8'),
      title: meta.title ?? null,
    };
  });
  return { name: 'aggregator-dev', measure: 'text-shingles', pages };
}

function genericDev(dir: string, rendering: string): CorpusSet {
  const urls = readJson(path.join(dir, 'urls.json')) as Record<string, { url?: string }>;
  const name = `generic-dev/${rendering}`;
  const pages = pageNames(path.join(dir, rendering)).map((file): CorpusPage => {
    const id = file.replace(/\.txt$/, '');
    return {
      set: name,
      id,
      host: hostOf(urls[id]?.url, `generic-dev/${id}`),
      ...(urls[id]?.url === undefined ? {} : { url: urls[id]?.url }),
      text: readText(path.join(dir, rendering, file)),
      gold: readFileSync(path.join(dir, rendering, `${id}.gold.txt`), 'utf8'),
    };
  });
  return { name, measure: 'body-shingles', pages };
}

interface SnippetEntry {
  url?: string;
  host?: string;
  title?: string | null;
  with: string[];
  without: string[];
}

function snippetSet(name: string, dir: string, pagesDir: string): CorpusSet {
  const index = readJson(path.join(dir, 'index.json')) as Record<string, SnippetEntry>;
  const pages = Object.keys(index)
    .sort()
    .map((id): CorpusPage => {
      const entry = index[id] as SnippetEntry;
      const page: CorpusPage = {
        set: name,
        id,
        host: entry.host !== undefined ? siteOf(entry.host) : hostOf(entry.url, `${name}/${id}`),
        ...(entry.url === undefined ? {} : { url: entry.url }),
        text: readText(path.join(pagesDir, `${id}.txt`)),
        with: entry.with,
        without: entry.without,
      };
      if ('title' in entry) page.title = entry.title ?? null;
      return page;
    });
  return { name, measure: 'snippets', pages };
}

interface WcxbEntry {
  url?: string;
  host?: string;
  title?: string | null;
  author?: string | null;
  date?: string | null;
  page_type?: string;
  with?: string[];
  without?: string[];
}

const isKind = (kind: string | undefined): kind is PageKind => (PAGE_KINDS as readonly string[]).includes(kind ?? '');

/** wcxb-dev: pages of seven kinds with their gold main content, scored by WCXB's bag of words. */
function wcxbDev(dir: string): CorpusSet {
  const index = readJson(path.join(dir, 'index.json')) as Record<string, WcxbEntry>;
  const pages = Object.keys(index)
    .sort()
    .map((id): CorpusPage => {
      const entry = index[id] as WcxbEntry;
      return {
        set: 'wcxb-dev',
        id,
        host: entry.host !== undefined ? siteOf(entry.host) : hostOf(entry.url, `wcxb-dev/${id}`),
        ...(entry.url === undefined ? {} : { url: entry.url }),
        text: readText(path.join(dir, 'browser', `${id}.txt`)),
        gold: readFileSync(path.join(dir, `${id}.gold.txt`), 'utf8'),
        with: entry.with ?? [],
        without: entry.without ?? [],
        ...(isKind(entry.page_type) ? { kind: entry.page_type } : {}),
        ...(typeof entry.title === 'string' ? { title: entry.title } : {}),
        author: entry.author ?? null,
        date: entry.date ?? null,
      };
    });
  return { name: 'wcxb-dev', measure: 'words', pages };
}

/** The five sets, in a fixed order; null (with the reason) when the corpus is not beside the repository. */
export function loadCorpus(dir: string = CORPUS_DIR): { sets: CorpusSet[] } | { missing: string } {
  if (!existsSync(dir)) return { missing: `${dir} not found (the development corpus lives in ../shared/corpus beside the repository)` };
  const wcxb = path.join(dir, 'wcxb-dev');
  if (!existsSync(wcxb)) return { missing: `${wcxb} not found (the development corpus lives in ../shared/corpus beside the repository)` };
  return {
    sets: [
      aggregatorDev(path.join(dir, 'aggregator-dev')),
      genericDev(path.join(dir, 'generic-dev'), 'browser'),
      genericDev(path.join(dir, 'generic-dev'), 'htmltotext'),
      snippetSet('news-dev', path.join(dir, 'news-dev'), path.join(dir, 'news-dev')),
      snippetSet('multilingual-dev', path.join(dir, 'multilingual-dev'), path.join(dir, 'multilingual-dev', 'browser')),
      wcxbDev(wcxb),
    ],
  };
}
