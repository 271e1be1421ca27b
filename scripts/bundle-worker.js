#!/usr/bin/env node
// Bundles the worker thread's entry (`dist/workers/decode-worker.js`, built by tsc) into one file,
// `dist/workers/decode-worker.bundle.js`, apache-arrow's ~200 ES modules included. A worker then
// starts ~100 ms sooner (module loading was most of its start-up), which every cache miss of every
// process pays once per thread. Runs as the second step of `npm run build`; `decodeWorkerUrl()`
// falls back to the unbundled entry when the bundle is missing or older than it.
//
// apache-arrow's own single-file build (`Arrow.esnext.min.js`) would start as fast, but it renames
// the writers' protected members (`_writeSchema`, `_write`, `_started` …) that `ScratchIpcWriter`
// (output/ipc-scratch.ts) overrides, which breaks the WebAssembly Parquet encoder in the worker.
// Bundling the ES modules keeps every name.
//
// The bundle is private to the worker: objects never cross threads as apache-arrow instances
// (batches travel as plain buffers, schemas as IPC bytes), so the main thread keeps the
// apache-arrow package its users import. Packages that locate their WebAssembly beside their own
// files (parquet-wasm, @bokuweb/zstd-wasm) stay outside and load from node_modules.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = (path) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

await build({
  entryPoints: [dist('workers/decode-worker.js')],
  outfile: dist('workers/decode-worker.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['parquet-wasm', '@bokuweb/zstd-wasm'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
