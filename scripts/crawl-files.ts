/**
 * WET and WARC files made with warcio's writer, as Common Crawl lays them out: a warcinfo record,
 * then one record per page, each its own gzip member (or the whole file one member, or plain).
 * For the tests and the bench.
 * Deterministic: record ids and dates come from the page's number, so a file is the same each run.
 */
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';

export interface CrawlPage {
  url: string;
  text: string;
}

export type Layout = 'members' | 'whole' | 'plain';

const encoder = new TextEncoder();

/** The record id of page `n`: a UUID URN, as crawls write them. */
export function recordId(n: number): string {
  return `<urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}>`;
}

const DATE = '2024-05-18T01:58:10Z';

async function serialize(record: WARCRecord, gzip: boolean): Promise<Buffer> {
  return Buffer.from(await WARCSerializer.serialize(record, { gzip }));
}

function warcinfo(): WARCRecord {
  return WARCRecord.createWARCInfo({ filename: 'test.warc.wet.gz', date: DATE, warcHeaders: { 'WARC-Record-ID': recordId(0) } }, { software: 'clean-news tests' });
}

/** The records of a WET file, each serialized on its own (gzipped when `gzip`). */
export async function wetRecords(pages: readonly CrawlPage[], gzip: boolean): Promise<Buffer[]> {
  const records = [await serialize(warcinfo(), gzip)];
  for (const [index, { url, text }] of pages.entries()) {
    const warcHeaders = { 'WARC-Record-ID': recordId(index + 1), 'Content-Type': 'text/plain', 'WARC-Identified-Content-Language': 'eng' };
    records.push(await serialize(WARCRecord.create({ url, date: DATE, type: 'conversion', warcHeaders }, [encoder.encode(text)]), gzip));
  }
  return records;
}

/** A whole WET file of the pages, in one of the three layouts. */
export async function wetFile(pages: readonly CrawlPage[], layout: Layout = 'members'): Promise<Buffer> {
  const plain = Buffer.concat(await wetRecords(pages, layout === 'members'));
  return layout === 'whole' ? gzipSync(plain) : plain;
}

/** One WARC response record with HTTP headers and a payload, as a crawler stores a fetched page. */
export async function responseRecord(n: number, url: string, contentType: string, payload: string | Uint8Array, gzip: boolean, httpHeaders: Record<string, string> = {}): Promise<Buffer> {
  const record = WARCRecord.create(
    { url, date: DATE, type: 'response', warcHeaders: { 'WARC-Record-ID': recordId(n) }, httpHeaders: { 'Content-Type': contentType, ...httpHeaders } },
    [typeof payload === 'string' ? encoder.encode(payload) : payload],
  );
  return serialize(record, gzip);
}

/** A request record: what a WARC holds beside each response, and no page. */
export async function requestRecord(n: number, url: string, gzip: boolean): Promise<Buffer> {
  const record = WARCRecord.create({ url, date: DATE, type: 'request', warcHeaders: { 'WARC-Record-ID': recordId(n) }, httpHeaders: { Host: new URL(url).host } }, []);
  return serialize(record, gzip);
}
