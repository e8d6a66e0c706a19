/**
 * Loads the CLI bundle (dist/bundle/cli.cjs) as one V8 script with a code cache: V8 then neither
 * parses the bundle nor compiles the functions a page run needs, which were a third of a one-page
 * run. The cache is V8's own format, good for one Node version only:
 *   - `npm run build` writes one beside the bundle (dist/bundle/cli.cache), after cleaning the
 *     seed pages, for the Node that built the package;
 *   - under another Node, which rejects that one, the first run writes one for its own version to
 *     the user's cache directory ($XDG_CACHE_HOME/clean-news, else ~/.cache/clean-news), and later
 *     runs load it. Only a directory and file of the user's own, writable by no one else, are read:
 *     a cache is code.
 * A cache rejected or missing costs nothing but its read: the bundle compiles as it would without
 * one. Node 22's module.enableCompileCache() is not used: it is missing on Node 20, and its cache,
 * written as modules compile, holds none of the functions a run compiles later (measured on Node
 * 22.23: 96 ms a page with it, 79 ms with this cache, 122 ms with neither).
 */
const { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const CLI_BUNDLE = path.join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
const CLI_CODE_CACHE = path.join(__dirname, '..', 'dist', 'bundle', 'cli.cache');

/**
 * The bundle's exports (`main`), its script (from which the build writes the cache) and which
 * cache it compiled from: 'package', 'user' or null.
 */
function loadCli({ useCache = true } = {}) {
  // V8 compiles a pattern to bytecode on its first run and again to machine code on its second;
  // compiled once, the rule patterns of a one-page run cost half as much, and a batch runs as fast.
  // V8 flags are part of a code cache's key: this one is set before the script compiles, always.
  v8.setFlagsFromString('--no-regexp-tier-up');
  // The build leaves no character outside ASCII in the bundle: read as one byte each, not decoded.
  const source = readFileSync(CLI_BUNDLE, 'latin1');
  let script = null;
  let cache = null;
  if (useCache) {
    // The user's cache is looked for only when the package's is missing or rejected.
    for (const [kind, fileOf] of [['package', () => CLI_CODE_CACHE], ['user', userCacheFile]]) {
      const file = fileOf();
      const cachedData = file === null ? undefined : readOwnFile(file, kind === 'user');
      if (cachedData === undefined) continue;
      script = compile(source, cachedData);
      if (!script.cachedDataRejected) {
        cache = kind;
        break;
      }
    }
  }
  script ??= compile(source);
  if (useCache && cache === null) process.once('exit', () => writeUserCache(script));
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(CLI_BUNDLE), bundle, CLI_BUNDLE, path.dirname(CLI_BUNDLE));
  return { main: bundle.exports.main, script, cache };
}

function compile(source, cachedData) {
  return new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: CLI_BUNDLE,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
}

/** This Node's cache file in the user's cache directory, or null where users have no ids (Windows). */
function userCacheFile() {
  if (typeof process.getuid !== 'function') return null;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'clean-news', `cli-${process.version}-${process.arch}.cache`);
}

/** A file's bytes; for a user cache, only when it and its directory are the user's and no one else's to write. */
function readOwnFile(file, mustBeOwn) {
  let fd;
  try {
    fd = openSync(file, 'r');
    if (mustBeOwn && !(isOwn(fstatSync(fd)) && isOwn(statOf(path.dirname(file))))) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined; // no cache: compile the bundle
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function statOf(dir) {
  const fd = openSync(dir, 'r');
  try {
    return fstatSync(fd);
  } finally {
    closeSync(fd);
  }
}

function isOwn(stats) {
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

/** Writes this run's compiled functions as the user's cache, atomically; a cache it cannot write is no error. */
function writeUserCache(script) {
  const file = userCacheFile();
  if (file === null) return;
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (!isOwn(statOf(path.dirname(file)))) return;
    writeFileSync(temp, script.createCachedData(), { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

module.exports = { loadCli, CLI_BUNDLE, CLI_CODE_CACHE };
