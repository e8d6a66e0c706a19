/**
 * Text from pages and files made safe to show a person on a terminal: the characters a terminal
 * acts on (ESC and the sequences it starts, other C0 and C1 controls, DEL, a CR that would
 * overwrite the line) are shown as visible escapes, such as `\e]0;`, never sent as they are.
 * Only for text meant for people: data on stdout stays as the input had it.
 */

const NAMED: Readonly<Record<string, string>> = { '\x1b': '\\e', '\r': '\\r', '\n': '\\n', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\0': '\\0' };

/** Every control character, tab and newline included: for one-line messages. */
const ANY_CONTROL = /[\0-\x1f\x7f-\x9f]/g;
/** Control characters but tab and newline: for text shown line by line (a CR shows, so a CRLF file's lines differ visibly in a diff). */
const CONTROL_IN_LINES = /[\0-\x08\x0b-\x1f\x7f-\x9f]/g;

function escapeControl(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line for a message: newlines and tabs are shown escaped too. */
export function visibleLine(text: string): string {
  return text.replace(ANY_CONTROL, escapeControl);
}

/** Text shown as lines (a diff, an explained page): its line breaks and tabs stay. */
export function visibleText(text: string): string {
  return text.replace(CONTROL_IN_LINES, escapeControl);
}

/**
 * JSON for a file or a terminal alike: the same value as JSON.stringify gives, with DEL, the C1
 * controls and the two Unicode line separators written as \u escapes, which JSON.stringify
 * leaves raw (it escapes only C0).
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\x7f-\x9f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
