#!/usr/bin/env node
// Bundles the worker thread's entry (`dist/workers/decode-worker.js`, built by tsc) into one file,
// `dist/workers/decode-worker.bundle.js`, with apache-arrow's single-file build in place of its
// ~200 ES modules. A worker then starts ~100 ms sooner (module loading was most of its start-up),
// which every cache miss of every process pays once per thread. Runs as the second step of
// `npm run build`; `decodeWorkerUrl()` falls back to the unbundled entry when the bundle is
// missing or older than it.
//
// The bundle is private to the worker: objects never cross threads as apache-arrow instances
// (batches travel as plain buffers, schemas as IPC bytes), so the main thread keeps the
// apache-arrow package its users import. Packages that locate their WebAssembly beside their own
// files (parquet-wasm, @bokuweb/zstd-wasm) stay outside and load from node_modules.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

await build({
  entryPoints: [dist('workers/decode-worker.js')],
  outfile: dist('workers/decode-worker.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The same apache-arrow release, as one file (`exports` maps the `require` condition of
  // `apache-arrow/Arrow.esnext.min` to its `.js`).
  alias: { 'apache-arrow': require.resolve('apache-arrow/Arrow.esnext.min') },
  external: ['parquet-wasm', '@bokuweb/zstd-wasm'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
