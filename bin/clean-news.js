#!/usr/bin/env node
// The CLI bundled into a few files at build time (npm run bundle): loading dozens of modules one by one cost start-up time.
import { main } from '../dist/bundle/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
