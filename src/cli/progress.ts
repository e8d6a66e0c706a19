/**
 * A one-line progress bar for long batches on a terminal, redrawn in place with `\r`.
 * Hand-written: a dozen lines do it, and a library would bring a dependency tree for no gain.
 * Messages go above it: the reporter clears the bar, writes its line, and draws the bar again.
 */

export interface TerminalStream {
  write(text: string): unknown;
  columns?: number;
}

/** Redraw at most this often: a fast batch would otherwise spend its time drawing. */
const REDRAW_MS = 80;
const BAR_WIDTH = 24;

export class ProgressBar {
  private shown = '';
  private done = 0;
  private label = '';
  private lastDraw = 0;

  constructor(
    private readonly stream: TerminalStream,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** `done` inputs finished, `label` the last of them. */
  update(done: number, label: string): void {
    this.done = done;
    this.label = label;
    if (this.shown !== '' && this.now() - this.lastDraw < REDRAW_MS) return;
    this.redraw();
  }

  /** Takes the bar off the screen, leaving the cursor at the start of an empty line. */
  clear(): void {
    if (this.shown === '') return;
    this.stream.write('\r\x1b[K');
    this.shown = '';
  }

  redraw(): void {
    // A terminal that does not say its width (0 or unknown) gets the classic 80 columns.
    const line = renderBar(this.done, this.total, this.label, this.stream.columns || 80);
    this.stream.write(`\r${line}\x1b[K`);
    this.shown = line;
    this.lastDraw = this.now();
  }
}

/** `[=========>              ]  12/40  pages/a.txt`, cut to fit `columns`; the label loses its start first. */
export function renderBar(done: number, total: number, label: string, columns: number): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `[${'='.repeat(filled)}${filled < BAR_WIDTH ? '>' + ' '.repeat(BAR_WIDTH - filled - 1) : ''}]`;
  const count = `${String(done).padStart(String(total).length)}/${total}`;
  const head = `${bar} ${count}`;
  // One column spare: writing the last column makes some terminals wrap.
  const room = columns - 1 - head.length - 2;
  if (room < 4 || label === '') return head.slice(0, Math.max(0, columns - 1));
  const shownLabel = label.length <= room ? label : `…${label.slice(label.length - room + 1)}`;
  return `${head}  ${shownLabel}`;
}
