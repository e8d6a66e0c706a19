/**
 * `npm run build`: the package as it ships, from nothing. dist/ is removed first, so no file of
 * an earlier build (a module since deleted) can be packed. esbuild bundles from src/, every
 * dependency inside, so the package has none at run time:
 *   - the CLI into one CommonJS script, dist/bundle/cli.cjs, which bin/load-cli.cjs compiles with
 *     V8's code cache: the cache, dist/bundle/cli.cache, is written here, after the CLI has
 *     cleaned the seed pages, so it holds every function a page run compiles;
 *   - the library and the CLI's worker thread as ES modules with shared chunks.
 * tsc writes the library's declarations to dist/types/; the JSON Schemas are copied to dist/schemas/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild-wasm';

const node = (script, args) => execFileSync(process.execPath, [script, ...args], { stdio: 'inherit' });

/**
 * eld's language database is one object literal of 1 MB: in the bundle, V8 would scan it on every
 * start (a page run 12-15 ms slower), though only crawl files use it. It is written beside the
 * bundle as JSON instead, and read when first used.
 */
const languageDataBeside = {
  name: 'language-data-beside',
  setup(build) {
    build.onLoad({ filter: /[\\/]eld[\\/]src[\\/]ngrams[\\/]\w+\.js$/ }, async (args) => {
      const name = `eld-${path.basename(args.path, '.js')}.json`;
      const { ngramsData } = await import(pathToFileURL(args.path).href);
      mkdirSync('dist/bundle', { recursive: true });
      writeFileSync(path.join('dist/bundle', name), JSON.stringify(ngramsData));
      const contents = `import { readFileSync } from 'node:fs';\nexport const ngramsData = JSON.parse(readFileSync(new URL('./${name}', import.meta.url), 'utf8'));`;
      return { contents, loader: 'js' };
    });
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', plugins: [languageDataBeside] };

rmSync('dist', { recursive: true, force: true });
node('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
await esbuild.build({
  ...common,
  entryPoints: ['src/cli/worker.ts', 'src/index.ts'],
  splitting: true,
  format: 'esm',
  outdir: 'dist/bundle',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  // Bundled CommonJS dependencies call require(); ESM has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
await esbuild.build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  format: 'cjs',
  outfile: 'dist/bundle/cli.cjs',
  alias: { 'node:child_process': './src/cli/lazy-child-process.cjs' },
  // A script compiled by node:vm has no loader for import(): the bundle's own become require().
  supported: { 'dynamic-import': false },
  // The CLI finds its worker and package.json from its own place, as an ES module would.
  define: { 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
});
asciiOnly('dist/bundle/cli.cjs');
cpSync('src/schemas', 'dist/schemas', { recursive: true });
await writeCodeCache();

/**
 * esbuild escapes what is not ASCII in strings but leaves it in regex literals and comments:
 * escaped there too (`\uXXXX` means the same character in a pattern), the bundle is read as a
 * one-byte string (bin/load-cli.cjs reads it as latin1), half the memory and no UTF-8 decoding.
 */
function asciiOnly(file) {
  const source = readFileSync(file, 'utf8');
  // After a backslash, `\u` would read as an escaped `u`: no bundle has had one, and none may.
  if (/\\[^\0-\x7f]/.test(source)) throw new Error(`build: ${file} escapes a character outside ASCII with a backslash`);
  writeFileSync(file, source.replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

async function writeCodeCache() {
  const { loadCli, CLI_CODE_CACHE } = await import('../bin/load-cli.cjs');
  const { main, script } = loadCli({ useCache: false });
  const seeds = path.resolve('fixtures/seeds');
  const pages = readdirSync(seeds).filter((name) => /^\d+_\w+\.txt$/.test(name)).map((name) => path.join(seeds, name));
  const out = mkdtempSync(path.join(tmpdir(), 'clean-news-build-'));
  try {
    const code = await main(['--quiet', '--out-dir', out, ...pages]);
    if (code !== 0 || pages.length === 0) throw new Error(`build: the CLI did not clean the seed pages (exit ${code}), so it wrote no code cache`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  writeFileSync(CLI_CODE_CACHE, script.createCachedData());
}
