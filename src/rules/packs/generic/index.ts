import { headerRules } from './header.js';
import { inlineRules } from './inline.js';
import { lineRules } from './lines.js';
import { boilerplateRules } from './boilerplate.js';
import { sectionRules } from './sections.js';
import type { Rule } from '../../types.js';

/** The generic pack: chrome of news sites in general, and the generic layer. */
export const genericRules: readonly Rule[] = [...headerRules, ...lineRules, ...inlineRules, ...sectionRules, ...boilerplateRules];
