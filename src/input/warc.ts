/**
 * The records of a WARC or WET file (plain, gzip member per record, or gzip as a whole), read
 * with warcio, the reference implementation's port. Each record becomes a page to clean, a
 * record skipped (what it is counted), or a rejected record with its reason; a damaged record
 * never ends the file. Streamed: memory holds one record at most, and no record over `maxBytes`.
 */
import { AsyncIterReader, StatusAndHeadersParser, WARCParser, type WARCRecord } from 'warcio';
import { gzipMembers, isGzip } from './gzip-members.js';

/** Who a record is: what its output line and its rejected line carry. */
export interface RecordIdentity {
  /** WARC-Record-ID. */
  id?: string;
  /** WARC-Target-URI. */
  url?: string;
  /** WARC-Date: when the page was crawled. */
  date?: string;
  /** WARC-Identified-Content-Language, as the crawl wrote it (ISO 639-3, comma-separated). */
  crawlLanguage?: string;
  /** Where the record (or its gzip member) starts in the file. */
  offset: number;
}

/** Why the reader passes a record over: a page too large, one that is not text, or damaged bytes. */
export type CrawlRejection = 'too-large' | 'not-text' | 'corrupt-record';

export type CrawlItem =
  | { kind: 'page'; record: RecordIdentity; bytes: Uint8Array }
  /** A record that is no page (warcinfo, request, metadata, revisit): counted by type. */
  | { kind: 'skipped'; record: RecordIdentity; what: string }
  | { kind: 'rejected'; record: RecordIdentity; reason: CrawlRejection; message: string };

/** Every record of a crawl file's bytes, in order. */
export async function* crawlItems(source: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<CrawlItem> {
  const { head, rest } = await peek(source);
  if (head === null) return;
  if (!isGzip(head)) {
    yield* recordsOf(rest, 0, maxBytes, () => undefined);
    return;
  }
  for await (const member of gzipMembers(rest)) {
    let damaged = false;
    for await (const item of recordsOf(member.chunks, member.offset, maxBytes, () => member.error)) {
      if (item.kind === 'rejected' && item.reason === 'corrupt-record') damaged = true;
      yield item;
    }
    // A member whose damage no record carried (bytes between members, a cut header) is a line of its own.
    if (member.error !== undefined && !damaged) yield { kind: 'rejected', record: { offset: member.offset }, reason: 'corrupt-record', message: `gzip member at byte ${member.offset}: ${member.error}` };
  }
}

/** The first chunk, and the source again from its start. */
async function peek(source: AsyncIterable<Uint8Array>): Promise<{ head: Uint8Array | null; rest: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  let first = await iterator.next();
  while (first.done !== true && first.value.length === 0) first = await iterator.next();
  if (first.done === true) return { head: null, rest: source };
  const head = first.value;
  async function* rest(): AsyncGenerator<Uint8Array> {
    yield head;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
  }
  return { head, rest: rest() };
}

/**
 * The records in one run of WARC bytes (a gzip member, or a plain file). `damage` says, once the
 * bytes have ended, why they ended early, if they did.
 */
async function* recordsOf(chunks: AsyncIterable<Uint8Array>, start: number, maxBytes: number, damage: () => string | undefined): AsyncGenerator<CrawlItem> {
  // HTTP headers are read here, only for records that may be text: the parser would read them for every response.
  const parser = new WARCParser(chunks, { parseHttp: false });
  try {
    for await (const record of parser) {
      const identity = identityOf(record, start + parser.offset);
      const item = await itemOf(record, identity, maxBytes, damage);
      if (item !== null) yield item;
    }
  } catch (err) {
    // warcio throws on some malformed headers; the bytes after them cannot be told apart from them.
    yield { kind: 'rejected', record: { offset: start + parser.offset }, reason: 'corrupt-record', message: `unreadable WARC record: ${(err as Error).message}` };
  }
}

function identityOf(record: WARCRecord, offset: number): RecordIdentity {
  const header = (name: string) => record.warcHeaders.headers.get(name) ?? undefined;
  const identity: RecordIdentity = { offset };
  const id = header('WARC-Record-ID');
  const url = header('WARC-Target-URI');
  const date = header('WARC-Date');
  const crawlLanguage = header('WARC-Identified-Content-Language');
  if (id !== undefined) identity.id = id;
  if (url !== undefined) identity.url = url;
  if (date !== undefined) identity.date = date;
  if (crawlLanguage !== undefined) identity.crawlLanguage = crawlLanguage;
  return identity;
}

/** The headers a record has once: warcio joins repeats, which a record cut short and followed by another makes. */
const SINGLE_HEADERS = ['WARC-Type', 'WARC-Record-ID', 'Content-Length'];

async function itemOf(record: WARCRecord, identity: RecordIdentity, maxBytes: number, damage: () => string | undefined): Promise<CrawlItem | null> {
  const type = record.warcType ?? '';
  const declared = record.warcContentLength;
  const corrupt = (message: string): CrawlItem => ({ kind: 'rejected', record: identity, reason: 'corrupt-record', message });
  // warcio takes any text for a record: one that does not start as WARC says is no record at all.
  const version = record.warcHeaders.statusline;
  if (!/^WARC\/\d/.test(version)) {
    await record.skipFully();
    return corrupt(`not a WARC record: it starts ${JSON.stringify(version.slice(0, 40))}`);
  }
  if (SINGLE_HEADERS.some((name) => (record.warcHeaders.headers.get(name) ?? '').includes(',')) || !Number.isSafeInteger(declared)) {
    return corrupt('malformed WARC headers (a record cut short and run into the next?)');
  }
  if (type !== 'conversion' && type !== 'resource' && type !== 'response') {
    await record.skipFully();
    return { kind: 'skipped', record: identity, what: type || 'untyped' };
  }
  if (type === 'resource' && !isPlainText(record.warcContentType)) {
    await record.skipFully();
    return notText(identity, record.warcContentType);
  }
  if (declared > maxBytes) {
    await record.skipFully();
    const short = damage();
    if (short !== undefined) return corrupt(short);
    return { kind: 'rejected', record: identity, reason: 'too-large', message: `${declared} bytes, over --max-bytes ${maxBytes}` };
  }
  const block = await record.readFully(false);
  if (block.length !== declared) return corrupt(damage() ?? `truncated: ${block.length} of ${declared} bytes`);
  if (type !== 'response') return { kind: 'page', record: identity, bytes: block };
  return responsePage(block, identity, maxBytes);
}

/** A response's payload when it is plain text; otherwise the record is rejected as not-text. */
async function responsePage(block: Uint8Array, identity: RecordIdentity, maxBytes: number): Promise<CrawlItem> {
  const reader = new AsyncIterReader([block], null);
  const http = await new StatusAndHeadersParser().parse(reader, { headersClass: Headers });
  const contentType = http?.headers.get('content-type') ?? null;
  if (http === null || !isPlainText(contentType)) return notText(identity, contentType);
  const encoding = (http.headers.get('content-encoding') ?? '').trim().toLowerCase();
  const chunked = /\bchunked\b/i.test(http.headers.get('transfer-encoding') ?? '');
  if (encoding !== '' && encoding !== 'identity' && encoding !== 'gzip' && encoding !== 'deflate') {
    return { kind: 'rejected', record: identity, reason: 'not-text', message: `a payload in ${encoding} encoding` };
  }
  const payload = new AsyncIterReader(reader, encoding === 'gzip' || encoding === 'deflate' ? encoding : null, chunked);
  // Read a chunk at a time: a compressed payload may inflate far past its record's size.
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of payload) {
    length += chunk.length;
    if (length > maxBytes) return { kind: 'rejected', record: identity, reason: 'too-large', message: `the payload inflates to over --max-bytes ${maxBytes}` };
    chunks.push(chunk);
  }
  return { kind: 'page', record: identity, bytes: Buffer.concat(chunks, length) };
}

function notText(identity: RecordIdentity, contentType: string | null | undefined): CrawlItem {
  return { kind: 'rejected', record: identity, reason: 'not-text', message: `${mediaType(contentType)}, not text/plain` };
}

function isPlainText(contentType: string | null | undefined): boolean {
  return mediaType(contentType) === 'text/plain';
}

function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() || 'no content type';
}
