import type { Proposal } from './learn.js';

const ID_PACK = 'learned';

/** `learned/tap-to-follow-foonews`: a readable id from the text, unique in the file. */
function idFor(text: string, taken: Set<string>): string {
  const slug = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '') || 'line';
  let id = `${ID_PACK}/${slug}`;
  for (let n = 2; taken.has(id); n++) id = `${ID_PACK}/${slug}-${n}`;
  taken.add(id);
  return id;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The proposals as a rule file that `--rules` loads as it is: one rule per line or phrase,
 * its description saying in how many pages it was seen and where, for the reviewer.
 */
export function toRuleFile(proposals: readonly Proposal[], total: number): object {
  const taken = new Set<string>();
  const rules = proposals.map((proposal) => {
    const seen = `seen in ${proposal.pages} of ${total} pages (${Math.round(proposal.share * 100)}%), for example ${proposal.examples.join(' and ')}`;
    const id = idFor(proposal.text, taken);
    return proposal.kind === 'line'
      ? { id, kind: 'line', description: `Line ${seen}.`, lines: [proposal.text] }
      : { id, kind: 'inline', description: `Phrase ${seen}.`, pattern: escapeRegExp(proposal.text) };
  });
  return { rules };
}
