/**
 * Values as the messages about configurations and rule files quote them: as JSON, cut short.
 * A file may hold a value of megabytes; its message is still one readable line.
 */

/** Characters of a quoted value shown before it is cut. */
const SHOWN = 60;

/** `"a value"`, or `"the first sixty characters…" (5,000,002 characters)`. */
export function quote(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= SHOWN ? json : `${json.slice(0, SHOWN)}… (${json.length.toLocaleString('en-US')} characters)`;
}

/** `text` cut to `max` characters with an ellipsis: the last guard of a message's length. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
