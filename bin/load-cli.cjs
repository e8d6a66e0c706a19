/**
 * Loads the CLI bundle (dist/bundle/cli.cjs) as one V8 script, with the code cache that
 * `npm run build` wrote beside it (dist/bundle/cli.cache) after cleaning the seed pages: V8 then
 * neither parses the bundle nor compiles the functions a page run needs, which were a third of a
 * one-page run. A cache that this Node's V8 rejects (another version) costs nothing but its read:
 * the bundle compiles as it would without one. Node 22's module.enableCompileCache() is not used:
 * it caches modules loaded by import or require, and it is missing on Node 20.
 */
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const CLI_BUNDLE = path.join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
const CLI_CODE_CACHE = path.join(__dirname, '..', 'dist', 'bundle', 'cli.cache');

/** The bundle's exports (`main`), and its script, from which the build writes the cache. */
function loadCli({ useCache = true } = {}) {
  // V8 compiles a pattern to bytecode on its first run and again to machine code on its second;
  // compiled once, the rule patterns of a one-page run cost half as much, and a batch runs as fast.
  // V8 flags are part of a code cache's key: this one is set before the script compiles, always.
  v8.setFlagsFromString('--no-regexp-tier-up');
  const source = readFileSync(CLI_BUNDLE, 'utf8');
  const cachedData = useCache ? readCache() : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: CLI_BUNDLE,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(CLI_BUNDLE), bundle, CLI_BUNDLE, path.dirname(CLI_BUNDLE));
  return { main: bundle.exports.main, script };
}

function readCache() {
  try {
    return readFileSync(CLI_CODE_CACHE);
  } catch {
    return undefined; // a build without one: compile the bundle
  }
}

module.exports = { loadCli, CLI_BUNDLE, CLI_CODE_CACHE };
