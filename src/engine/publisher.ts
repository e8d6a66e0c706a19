import { countWords, endsLikeSentence } from './lines.js';

/** Publisher names are short, start with a capital or a digit, and are not sentences. */
export function looksLikePublisher(text: string): boolean {
  if (text.length > 50 || countWords(text) > 5 || endsLikeSentence(text)) return false;
  return text
    .split(/\s+/)
    .every((word, index) => /^[\p{Lu}\d]/u.test(word) || (index > 0 && word.length <= 3));
}
