/**
 * A gzip file read member by member, as Common Crawl ships WARC and WET files (one member per
 * record). A corrupt or truncated member does not end the file: it is reported, and reading
 * resumes at the next gzip header after the member's start. pako 1 is used, not node:zlib: it
 * stops at each member's end and says how much input it left, which member boundaries need
 * (node:zlib and pako 2 run on into the next member).
 */
import pako from 'pako';

/** One gzip member: its decompressed bytes, then whether it ended in an error. */
export interface Member {
  /** Where the member starts in the compressed file. */
  offset: number;
  /** The decompressed bytes, read as they are needed; the next member is read once these are. */
  chunks: AsyncIterable<Uint8Array>;
  /** Set once `chunks` is done, when the member was corrupt, truncated, or no gzip data at all. */
  error?: string;
}

/** The chunks of a member that has none. */
const NOTHING: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }) };

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];

/** Compressed bytes given to the inflater at a time: bounds what one push can decompress (a bomb's 1,000x included). */
const PIECE = 16 * 1024;

/** Compressed bytes of a member kept to look for the next header in, should it turn out corrupt. */
const RESYNC_WINDOW = 1024 * 1024;

/** Whether bytes start as gzip data. */
export function isGzip(head: Uint8Array): boolean {
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** A byte stream with bytes that can be put back, and the offset of the next byte. */
class Input {
  private pending: Uint8Array = new Uint8Array(0);
  private readonly source: AsyncIterator<Uint8Array>;
  offset = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.source = source[Symbol.asyncIterator]();
  }

  /** Up to `max` bytes, or null at the end of the input. */
  async take(max: number): Promise<Uint8Array | null> {
    if (this.pending.length === 0) {
      const next = await this.source.next();
      if (next.done === true) return null;
      this.pending = next.value;
      if (this.pending.length === 0) return this.take(max);
    }
    const piece = this.pending.subarray(0, max);
    this.pending = this.pending.subarray(piece.length);
    this.offset += piece.length;
    return piece;
  }

  /** The next `count` bytes (fewer at the end of the input), left to read. */
  async peek(count: number): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let length = 0;
    for (let piece = await this.take(count); piece !== null; piece = length < count ? await this.take(count - length) : null) {
      parts.push(piece);
      length += piece.length;
    }
    const head = Buffer.concat(parts, length);
    this.unread(head);
    return head;
  }

  /** Puts bytes back in front of what is left to read. */
  unread(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const { pending } = this;
    // Bytes just taken from the chunk still pending are its view widened again, not a copy.
    const adjacent = pending.length === 0 || (bytes.buffer === pending.buffer && bytes.byteOffset + bytes.length === pending.byteOffset);
    this.pending = !adjacent ? Buffer.concat([bytes, pending]) : pending.length === 0 ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length + pending.length);
    this.offset -= bytes.length;
  }

  /** Skips to the next gzip header; false at the end of the input. A header split between chunks is found. */
  async seekMember(): Promise<boolean> {
    let carry: Uint8Array = new Uint8Array(0);
    for (;;) {
      const piece = await this.take(PIECE);
      if (piece === null) return false;
      const bytes = carry.length === 0 ? piece : Buffer.concat([carry, piece]);
      const at = indexOfMagic(bytes);
      if (at >= 0) {
        this.unread(bytes.subarray(at));
        return true;
      }
      carry = bytes.subarray(Math.max(0, bytes.length - (GZIP_MAGIC.length - 1)));
    }
  }
}

function indexOfMagic(bytes: Uint8Array): number {
  for (let at = bytes.indexOf(GZIP_MAGIC[0]!); at >= 0 && at + 2 < bytes.length; at = bytes.indexOf(GZIP_MAGIC[0]!, at + 1)) {
    if (bytes[at + 1] === GZIP_MAGIC[1] && bytes[at + 2] === GZIP_MAGIC[2]) return at;
  }
  return -1;
}

/**
 * The members of gzip data, in order. Each member's `chunks` are read (or left) before the next
 * member is asked for; its `error` is set by the time they end; what is left unread is inflated and dropped, since only inflating finds a
 * member's end. Bytes that are not gzip data between members are a member with an error and no chunks.
 */
export async function* gzipMembers(source: AsyncIterable<Uint8Array>): AsyncGenerator<Member> {
  const input = new Input(source);
  for (;;) {
    const head = await input.peek(GZIP_MAGIC.length);
    if (head.length === 0) return;
    const offset = input.offset;
    if (indexOfMagic(head) !== 0) {
      const found = await input.seekMember();
      yield { offset, chunks: NOTHING, error: found ? `${input.offset - offset} bytes that are not gzip data` : 'the file ends in bytes that are not gzip data' };
      continue;
    }
    const member: Member = { offset, chunks: NOTHING };
    const inflating = new MemberInflater(input, member);
    member.chunks = inflating.chunks();
    yield member;
    while ((await inflating.next()) !== null);
  }
}

/** What pako 1's inflater has and its types leave out. */
type Inflater = pako.Inflate & { ended: boolean; strm: { avail_in: number; msg: string } };

/** One member being inflated, a piece at a time. */
class MemberInflater {
  private readonly inflater = new pako.Inflate({ windowBits: 16 + 15 }) as Inflater;
  private out: Uint8Array[] = [];
  private done = false;
  /** The member's first compressed bytes, to look for the next header in should it be corrupt. */
  private readonly kept: Uint8Array[] = [];
  private keptLength = 0;

  /** Sets `member.error` as soon as the member ends in one. */
  constructor(
    private readonly input: Input,
    private readonly member: Member,
  ) {
    this.inflater.onData = (chunk) => this.out.push(chunk as Uint8Array);
    // The default onEnd joins every chunk into one result: only the status is wanted.
    this.inflater.onEnd = (status) => {
      this.inflater.err = status as pako.ReturnCodes;
      this.inflater.msg = this.inflater.strm.msg;
    };
  }

  /** Decompressed bytes that a reader may leave part-way: what it leaves, `next` still reads. */
  chunks(): AsyncIterable<Uint8Array> {
    return {
      [Symbol.asyncIterator]: () => ({
        next: async (): Promise<IteratorResult<Uint8Array>> => {
          const chunk = await this.next();
          return chunk === null ? { done: true, value: undefined } : { done: false, value: chunk };
        },
      }),
    };
  }

  /** The next decompressed chunk, or null once the member has ended (well or not). */
  async next(): Promise<Uint8Array | null> {
    while (this.out.length === 0) {
      if (this.done) return null;
      await this.step();
    }
    return this.out.shift() ?? null;
  }

  private async step(): Promise<void> {
    const piece = await this.input.take(PIECE);
    if (piece === null) {
      this.finish('truncated: the file ends inside this gzip member');
      return;
    }
    if (this.keptLength < RESYNC_WINDOW) {
      this.kept.push(piece);
      this.keptLength += piece.length;
    }
    this.inflater.push(piece, false);
    if (!this.inflater.ended) return;
    if (this.inflater.err === 0) {
      // The member ended inside this piece: the rest belongs to the next one.
      this.input.unread(piece.subarray(piece.length - this.inflater.strm.avail_in));
      this.finish();
      return;
    }
    // The next header is looked for from the byte after this member's: corruption can make the
    // inflater read past it. A member longer than the window is searched from the bad piece on.
    const consumed = this.input.offset - this.member.offset;
    this.input.unread(this.keptLength === consumed ? Buffer.concat(this.kept, this.keptLength).subarray(1) : piece);
    this.finish(`corrupt gzip data (${this.inflater.msg || `zlib status ${this.inflater.err}`})`);
    await this.input.seekMember();
  }

  private finish(error?: string): void {
    this.done = true;
    if (error !== undefined) this.member.error = error;
    this.kept.length = 0;
  }
}
