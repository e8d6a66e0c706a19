/**
 * Pages longer than this (in UTF-16 code units) are cleaned in a worker thread when the main
 * thread handles signals (see installInterruptHandlers): a page of this size of the worst shape,
 * thousands of short lines, takes about a third of a second to clean; one of a million short
 * lines took 20 s, during which a handler running only when the thread is free waited.
 */
export const LARGE_PAGE_CHARS = 256 * 1024;
