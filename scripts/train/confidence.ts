/**
 * The confidence model, fitted: boosted trees over CONFIDENCE_FEATURES whose logistic output
 * estimates a page's F1, fitted on pages each cleaned by a model that never saw its site (out of
 * fold), as the shipped model will clean new pages.
 */
import { readPage } from '../../src/engine/clean.js';
import { CONFIDENCE_FEATURES } from '../../src/engine/model/confidence.js';
import { loadModel } from '../../src/engine/model/model.js';
import type { Forest } from '../../src/engine/model/trees.js';
import { compileRules } from '../../src/rules/compile.js';
import { builtinRules, builtinSet } from '../../src/rules/index.js';
import type { CorpusPage, Measure } from '../corpus.js';
import { pageF1 } from '../page-score.js';
import { fitModel, type FitOptions, type PageReader } from './fit.js';
import { foldsByHost } from './folds.js';
import { fitForest, type BoostOptions } from './gbdt.js';

/** Small trees on few examples (a page each): a leaf holds a few dozen pages. */
const CONFIDENCE_BOOST: BoostOptions = { trees: 60, depth: 3, learningRate: 0.1, lambda: 1, minChildWeight: 5, bins: 16 };

/** A page cleaned out of fold: what the confidence reads of it and the F1 it scored. */
export interface ConfidenceExample {
  page: CorpusPage;
  vector: Float32Array;
  f1: number;
}

export function fitConfidence(examples: readonly ConfidenceExample[]): Forest {
  return fitForest(
    examples.map(({ vector, f1 }) => ({ vector, y: f1, weight: 1 })),
    CONFIDENCE_FEATURES.length,
    CONFIDENCE_BOOST,
  );
}

/** Cleans a page with a model and scores it under its set's measure. */
export function confidenceExample(page: CorpusPage, measure: Measure, read: ReturnType<typeof readPage>): ConfidenceExample {
  const { result, confidenceFeatures } = read;
  return { page, vector: confidenceFeatures, f1: pageF1(measure, page, { title: result.title, body: result.paragraphs.join('\n'), text: result.text }) };
}

/** Every page cleaned by a line model fitted on the other folds (grouped by host): the confidence's training examples. */
export function outOfFoldExamples(pages: readonly CorpusPage[], measureOf: (page: CorpusPage) => Measure, folds: number, options: FitOptions, reader: PageReader): ConfidenceExample[] {
  const set = compileRules(builtinRules, builtinSet);
  return foldsByHost(pages, folds, (page) => page.host).flatMap((fold) => {
    const held = new Set(fold);
    const model = loadModel(fitModel(pages.filter((page) => !held.has(page)), options, reader).saved);
    return fold.map((page) => confidenceExample(page, measureOf(page), readPage(page.text, set, model)));
  });
}
