#!/usr/bin/env node
// Holds the line between the pure core and the edges: the core folders never import I/O
// modules (file system, network, processes) or the edge folders. Run by `npm run lint`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const CORE = ['src/dbc', 'src/dbf', 'src/catalog', 'src/query', 'src/brazil/validate', 'src/arrow', 'src/util'];
const FORBIDDEN_MODULES = /^(node:)?(fs|fs\/promises|net|tls|http|https|child_process|dgram|dns)$/;
const FORBIDDEN_LOCAL = /\/(sources|engine|server|cli|cache|scan)\//;

const files = [];
const walk = (dir) => {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts')) files.push(path);
  }
};
for (const folder of CORE) walk(join(root, folder));

const problems = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    const spec = match[1];
    if (FORBIDDEN_MODULES.test(spec) || (spec.startsWith('.') && FORBIDDEN_LOCAL.test(`/${spec}/`))) {
      problems.push(`${relative(root, file)} imports ${spec}`);
    }
  }
}
if (problems.length > 0) {
  console.error(`pure core imports I/O or edge modules:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`boundaries ok (${files.length} core files)`);
