/**
 * `npm run build`: the package as it ships, from nothing. dist/ is removed first, so no file of
 * an earlier build (a module since deleted) can be packed. esbuild bundles the CLI, its worker
 * and the library from src/ into dist/bundle/ (shared chunks, every dependency inside, so the
 * package has none at run time); tsc writes the library's declarations to dist/types/; the JSON
 * Schemas are copied to dist/schemas/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';

const node = (script, args) => execFileSync(process.execPath, [script, ...args], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
node('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
node('node_modules/esbuild-wasm/bin/esbuild', [
  'src/cli/main.ts',
  'src/cli/worker.ts',
  'src/index.ts',
  '--bundle',
  '--splitting',
  '--format=esm',
  '--platform=node',
  '--target=node20',
  '--outdir=dist/bundle',
  '--entry-names=[name]',
  '--chunk-names=chunk-[hash]',
  '--log-level=warning',
  // Bundled CommonJS dependencies call require(); ESM has none of its own.
  "--banner:js=import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
]);
cpSync('src/schemas', 'dist/schemas', { recursive: true });
