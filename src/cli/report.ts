/**
 * Messages for people, on stderr: always `clean-news: SUBJECT: message`, one line each. What a
 * message quotes from pages and files is shown with its control characters escaped (see visible.ts).
 */
import { visibleLine, visibleText } from './visible.js';

const PROGRAM = 'clean-news';

export interface ReportOptions {
  /** Silence warnings; errors are still printed. */
  quiet?: boolean;
  /** Follow the line for an unexpected error with its stack trace. */
  debug?: boolean;
}

/** A status line on the same stream (the progress bar): taken off before a message, drawn again after. */
export interface Overlay {
  clear(): void;
  redraw(): void;
}

export class Reporter {
  private overlay: Overlay | undefined;

  constructor(
    private readonly options: ReportOptions,
    // process.stderr is set up at the first message, not before: a run that prints none never pays for it.
    private readonly stderr: { write(text: string): unknown } = { write: (text) => process.stderr.write(text) },
  ) {}

  /** While a progress bar is shown, messages go above it. */
  attach(overlay: Overlay | undefined): void {
    this.overlay = overlay;
  }

  warning(subject: string, message: string): void {
    if (!this.options.quiet) this.line(subject, message);
  }

  error(subject: string, message: string): void {
    this.line(subject, message);
  }

  /** Reports a caught error; `doing` says what failed when it is not reading the subject itself. */
  failure(subject: string, err: unknown, doing?: string): void {
    const reason = reasonFor(err);
    this.line(subject, doing === undefined ? reason : `${doing}: ${reason}`);
    this.stackIfUnexpected(err);
  }

  /** An error that escaped everything else: still one line, unless --debug. */
  crash(err: unknown): void {
    this.write(`${PROGRAM}: ${visibleLine(reasonFor(err))}\n`);
    this.stackIfUnexpected(err);
  }

  /** Text for people that is not a one-line message (the batch summary, --stats), its lines kept. */
  print(text: string): void {
    this.write(visibleText(text));
  }

  private line(subject: string, message: string): void {
    this.write(`${PROGRAM}: ${visibleLine(subject)}: ${visibleLine(message)}\n`);
  }

  private stackIfUnexpected(err: unknown): void {
    if (this.options.debug && !isKnownSystemError(err) && err instanceof Error && err.stack !== undefined) {
      this.write(`${visibleText(err.stack)}\n`);
    }
  }

  private write(text: string): void {
    this.overlay?.clear();
    this.stderr.write(text);
    this.overlay?.redraw();
  }
}

/**
 * A path as it should appear in a message: bare when plain, else quoted for a POSIX shell
 * (like GNU tools do), so names with spaces, glob characters or newlines stay one readable line.
 */
export function displayPath(path: string): string {
  if (/^[\w./@%+,:=-]+$/.test(path)) return path;
  if (!/[\p{Cc}]/u.test(path)) return `'${path.replaceAll("'", `'\\''`)}'`;
  return `$'${path.replace(/[\p{Cc}'\\]/gu, escapeChar)}'`;
}

function escapeChar(char: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', "'": "\\'", '\\': '\\\\' };
  return named[char] ?? `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

// The operating-system errors a user can meet, in plain words (as coreutils words them).
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ENXIO: 'no such device or address',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EBUSY: 'device or resource busy',
  EFBIG: 'file too large',
};

function isKnownSystemError(err: unknown): err is NodeJS.ErrnoException & { code: string } {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code in REASONS;
}

function reasonFor(err: unknown): string {
  // Node turns the bad bytes of a file name that is not UTF-8 into U+FFFD, and no file has that name.
  if (isKnownSystemError(err) && err.code === 'ENOENT' && err.path?.includes('\uFFFD')) return 'cannot open a file whose name is not valid UTF-8 (rename it)';
  if (isKnownSystemError(err)) return REASONS[err.code] ?? err.code;
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n', 1)[0] ?? '';
}
