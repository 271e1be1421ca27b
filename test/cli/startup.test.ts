import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The packages each module statically imports (dynamic `import()` not followed), by esbuild's metafile. */
async function staticGraph(entry: string): Promise<Map<string, { modules: string[]; packages: string[] }>> {
  const result = await build({ entryPoints: [entry], absWorkingDir: root, bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent', outdir: 'unused' });
  const graph = new Map<string, { modules: string[]; packages: string[] }>();
  for (const [path, input] of Object.entries(result.metafile.inputs)) {
    const statics = input.imports.filter((entry) => entry.kind === 'import-statement');
    graph.set(path, { modules: statics.filter((entry) => entry.external !== true).map((entry) => entry.path), packages: statics.filter((entry) => entry.external === true).map((entry) => entry.path) });
  }
  return graph;
}

/** The chain of static imports from `start` to a module importing one of `packages`, if any. */
function chainTo(graph: Map<string, { modules: string[]; packages: string[] }>, start: string, packages: RegExp): string[] | undefined {
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const module = queue.shift()!;
    const hit = graph.get(module)?.packages.find((name) => packages.test(name));
    if (hit !== undefined) {
      const chain = [hit];
      for (let at: string | null = module; at !== null; at = previous.get(at) ?? null) chain.unshift(at);
      return chain;
    }
    for (const next of graph.get(module)?.modules ?? []) {
      if (!previous.has(next)) {
        previous.set(next, module);
        queue.push(next);
      }
    }
  }
  return undefined;
}

describe('command-line start', () => {
  it('loads no heavy package before a command runs (each command imports its work when it runs)', async () => {
    // apache-arrow alone takes ~90 ms to load; with the scan, FTP client and DuckDB every command
    // took ~0.26 s to start, `--help` and `systems` included (now ~0.12 s).
    const graph = await staticGraph('src/cli/program.ts');
    expect(graph.size).toBeGreaterThan(20);
    expect(chainTo(graph, 'src/cli/program.ts', /^(apache-arrow|arrow-js-ffi|parquet-wasm|basic-ftp|@duckdb\/|@bokuweb\/|nodejs-polars)/)).toBeUndefined();
    // The check itself sees packages: the commands do reach commander statically.
    expect(chainTo(graph, 'src/cli/program.ts', /^commander$/)).toBeDefined();
  });
});
