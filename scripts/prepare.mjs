/**
 * `preprepare`, which npm ci and npm install run in a clone: builds the package. Not `prepare`
 * itself, which npm 11 flags as an install script when the package is installed. Installed
 * from the registry there is no src/ to build from, and the package ships built: nothing to do.
 */
import { existsSync } from 'node:fs';

if (existsSync('src/index.ts') && existsSync('node_modules/esbuild-wasm')) await import('./build.mjs');
