#!/usr/bin/env node
// Rewrites the README's error-code table from the registry (run after `npm run build`):
//   node scripts/error-table.js
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_CODES } from '../dist/errors.js';

const readmeUrl = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');
const START = '<!-- error-codes:start -->';
const END = '<!-- error-codes:end -->';
const rows = Object.entries(ERROR_CODES).map(
  ([code, info]) => `| \`${code}\` | ${info.status} | ${info.retryable ? 'yes' : 'no'} | ${info.description} |`,
);
const table = [START, '| code | HTTP | retry helps | meaning |', '| --- | --- | --- | --- |', ...rows, END].join('\n');
const begin = readme.indexOf(START);
const end = readme.indexOf(END);
if (begin < 0 || end < 0) throw new Error('README has no error-codes markers');
writeFileSync(readmeUrl, readme.slice(0, begin) + table + readme.slice(end + END.length));
console.log(`README: ${rows.length} error codes`);
