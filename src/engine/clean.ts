/**
 * The cleaning pipeline, the same for every page: lines, then rule claims and the layout they
 * set (the top, the hard end of the article), then the features of the lines no rule took, then
 * the model's scores, then one structural decoding (the article's span, its headline and
 * metadata, its body, the tail after it), then the assembled result.
 */
import { builtinRules, builtinSet } from '../rules/index.js';
import { compileRules, type RuleSet } from '../rules/compile.js';
import type { Hits } from '../rules/prefilter.js';
import type { Rule } from '../rules/types.js';
import { readArticle, type ArticleSpan, type ScoredPage } from './article.js';
import { assembleBody } from './body.js';
import { claimLines } from './claims.js';
import { isOpen, readLayout } from './layout.js';
import { chooseTitle, readMetadata, titleCandidates, unglueAuthor, type TitleCandidate } from './header.js';
import { splitLines, type Line } from './lines.js';
import type { PageMetadata } from './metadata.js';
import { confidenceFeatures, pageConfidence } from './model/confidence.js';
import { forEachSecondStageVector } from './model/context.js';
import { firstStageScore, lineFeatures, type LineFeatures } from './model/features.js';
import { FITTED_MODEL } from './model/fitted.js';
import { loadModel, type Favor, type Model } from './model/model.js';
import { likeliestKind, pageFeatures, pageKindProbabilities } from './model/page-kind.js';
import { forestScore } from './model/trees.js';
import { profilePage } from './profile.js';
import { readTail } from './tail.js';
import type { CleanResult, Removal } from './types.js';

/** Characters read to guess a page's language: plenty for its stopwords, bounded for huge inputs. */
const LANGUAGE_SAMPLE = 20_000;

function assembleText(title: string | null, paragraphs: readonly string[]): string {
  const body = paragraphs.map((paragraph) => `${paragraph}\n`).join('');
  if (title === null) return body;
  return body === '' ? `${title}\n` : `${title}\n\n${body}`;
}

/**
 * The model's scores of a page's lines: the first stage from each line's features, the second
 * from the first's scores around it and the page's kind.
 */
function lineScores(lines: readonly Line[], features: ReadonlyArray<LineFeatures | null>, kinds: Float32Array, model: Model): Float32Array {
  const positions: number[] = [];
  const first: number[] = [];
  const present: LineFeatures[] = [];
  features.forEach((line, index) => {
    if (!line) return;
    positions.push(index);
    present.push(line);
    first.push(firstStageScore(model.lineWeights, line));
  });
  const scores = new Float32Array(lines.length);
  forEachSecondStageVector(first, positions.map((index) => (lines[index] as Line).text), present, kinds, (vector, k) => {
    scores[positions[k] ?? 0] = forestScore(model.secondStage, vector);
  });
  return scores;
}

/** The pipeline's stages, as `npm run bench -- --profile` times them. */
export type Stage = 'lines' | 'profile' | 'rules' | 'layout' | 'features' | 'model' | 'decoding' | 'assembly';

/** Runs each stage of a page; a bench's clock also times them. */
export interface StageClock {
  time<T>(stage: Stage, run: () => T): T;
}

const UNTIMED: StageClock = { time: (_stage, run) => run() };

/** Reads a page up to the model's scores: what the structural decoding starts from. */
export function scorePage(text: string, set: RuleSet, model: Model, clock: StageClock = UNTIMED, favor: Favor = 'balanced'): ScoredPage {
  const hits: Hits[] = [];
  const lines = clock.time('lines', () => splitLines(text, (folded) => hits.push(set.literals.scan(folded))));
  const profile = clock.time('profile', () => profilePage(lines, LANGUAGE_SAMPLE));
  const claims = clock.time('rules', () => claimLines(lines, set, hits));
  const layout = clock.time('layout', () => readLayout(lines, claims, set));
  const features = clock.time('features', () => lineFeatures(lines, profile, model.bits, (index) => !isOpen(layout, claims, lines, index)));
  const kinds = clock.time('model', () => pageKindProbabilities(model.kindWeights, pageFeatures(lines)));
  const scores = clock.time('model', () => lineScores(lines, features, kinds, model));
  const kind = likeliestKind(kinds);
  return { lines, claims, layout, scores, kinds, kind, costs: model.decode[favor][kind], set, model, profile };
}

/** A cleaned page, and what the confidence model read of it: training fits the confidence on those. */
export interface ReadPage {
  result: CleanResult;
  confidenceFeatures: Float32Array;
}

/** The structural decoding of a scored page, and the assembled result. */
function readScoredPage(page: ScoredPage, clock: StageClock): ReadPage {
  const { span, title, meta, removed, metadata } = clock.time('decoding', () => {
    const span = readArticle(page);
    const title = chooseTitle(page, titleCandidates(page, span));
    const meta: PageMetadata = { source: null, published: null, byline: null };
    const removed: Removal[] = [...span.removed];
    const metadata = readMetadata(page, span, title === null ? span.top : title.index + 1, title?.text ?? null, meta, removed);
    return { span, title, meta, removed, metadata };
  });
  return clock.time('assembly', () => assemble(page, span, title, meta, removed, metadata));
}

/** The body, the tail and the result, from the article's span, headline and metadata lines. */
function assemble(page: ScoredPage, span: ArticleSpan, title: TitleCandidate | null, meta: PageMetadata, removed: Removal[], metadata: ReadonlySet<number>): ReadPage {
  const body = assembleBody(page, span, title, metadata);
  // Concatenated, not pushed as arguments: a huge page has more removals than a call takes.
  const article = removed.concat(body.removed).sort((a, b) => a.line - b.line);
  const tail = readTail(page.lines, span.end, span.endSection, page.claims, page.set);
  const headline = title === null ? null : unglueAuthor(title.text, meta.byline);
  const text = assembleText(headline, body.paragraphs);
  const features = confidenceFeatures(page, span, text.length, headline !== null);
  const result: CleanResult = {
    title: headline,
    source: meta.source,
    published: meta.published,
    byline: meta.byline,
    kind: page.kind,
    confidence: pageConfidence(page.model.confidence, features),
    paragraphs: body.paragraphs,
    text,
    related: tail.related,
    removed: article.concat(tail.removed),
  };
  return { result, confidenceFeatures: features };
}

export type Cleaner = (text: string) => CleanResult;

let builtinModel: Model | null = null;

/** The shipped model, decoded on first use. */
export function shippedModel(): Model {
  builtinModel ??= loadModel(FITTED_MODEL);
  return builtinModel;
}

/** How a cleaner reads pages beyond its rules: the model, which way it leans, and a bench's clock. */
export interface EngineOptions {
  model?: Model;
  favor?: Favor;
  clock?: StageClock;
}

/** A cleaner for a rule set compiled once, for cleaning many pages with the same rules. */
export function createCleaner(rules: readonly Rule[] = builtinRules, options: EngineOptions = {}): Cleaner {
  const set = compileRules(rules, builtinSet);
  const { model = shippedModel(), favor = 'balanced', clock = UNTIMED } = options;
  return (text) => readScoredPage(scorePage(text, set, model, clock, favor), clock).result;
}

/** A page cleaned with a compiled rule set and a model, with what the confidence model read of it. */
export function readPage(text: string, set: RuleSet, model: Model, favor: Favor = 'balanced'): ReadPage {
  return readScoredPage(scorePage(text, set, model, UNTIMED, favor), UNTIMED);
}
