/** The names crawl files go by (WET and WARC, plain or gzipped): read as crawl files without --input-format. */
const CRAWL_FILE = /\.(?:warc|wet|warc\.wet)(?:\.gz)?$/i;

export function isCrawlFile(file: string): boolean {
  return CRAWL_FILE.test(file);
}
