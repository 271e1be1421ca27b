#!/usr/bin/env node
// Long, time-budgeted fuzzing of the DBC reader (the CI test `test/dbc/fuzz.test.ts` runs a short
// fixed-seed slice of the same idea). Real small DBC fixtures plus generated ones in every DCL
// variant are mutated (bit flips, byte changes, truncations, insertions, deletions); every input
// must decode or fail with an ArrowSusError, through both the sync and the streaming reader, with
// the same outcome. Exits 1 with the seed and the failing input on the first violation.
//
//   npm run build && node bench/fuzz-dbc.js [seconds=60] [seed=1]
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { ArrowSusError } from '../dist/errors.js';
import { compressDbcSync, decompressDbc, decompressDbcSync, implodeSync } from '../dist/dbc/index.js';
import { SHARED, printTable } from './lib.js';

const seconds = Number(process.argv[2] ?? 60);
const firstSeed = Number(process.argv[3] ?? 1);

/** A DBF with `records` rows of DataSUS-like text, deterministic in `seed`. */
function makeDbf(records, seed) {
  const headerLength = 32 + 32 * 2 + 1;
  const recordLength = 1 + 12 + 6;
  const out = new Uint8Array(headerLength + records * recordLength + 1).fill(0x20);
  out.fill(0, 0, headerLength);
  const view = new DataView(out.buffer);
  out[0] = 3;
  view.setUint32(4, records, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  out.set([0x4e, 0x4f, 0x4d, 0x45], 32);
  out[43] = 0x43;
  out[48] = 12;
  out.set([0x49, 0x44], 64);
  out[75] = 0x4e;
  out[80] = 6;
  out[headerLength - 1] = 0x0d;
  let state = seed;
  for (let r = 0; r < records; r++) {
    state = (state * 1103515245 + 12345) >>> 0;
    const at = headerLength + r * recordLength;
    const name = ['MARIA', 'JOSE', 'ANA LUCIA', 'JOAO'][state % 4];
    for (let c = 0; c < name.length; c++) out[at + 1 + c] = name.charCodeAt(c);
    const id = String(state % 1000000).padStart(6, '0');
    for (let c = 0; c < 6; c++) out[at + 13 + c] = id.charCodeAt(c);
  }
  out[out.length - 1] = 0x1a;
  return out;
}

const seeds = [];
for (const literals of ['uncoded', 'coded']) {
  for (const dictionarySize of [1024, 2048, 4096]) seeds.push(compressDbcSync(makeDbf(20 + seeds.length * 7, seeds.length), { literals, dictionarySize }));
}
seeds.push(implodeSync(makeDbf(5, 9))); // a bare DCL stream, not a DBC
if (SHARED !== undefined) {
  const rows = readFileSync(`${SHARED}/fixtures/MANIFEST.tsv`, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  for (const row of rows.filter((r) => r[1] === 'DBC' && Number(r[3]) < 20_000)) seeds.push(new Uint8Array(readFileSync(`${SHARED}/fixtures/${row[0]}`)));
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set'), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('delete'), at: fc.nat(), count: fc.integer({ min: 1, max: 32 }) }),
);

function mutate(base, m, headerBias) {
  const position = (n) => (headerBias ? n % Math.min(64, base.length) : n % base.length);
  const join = (...parts) => {
    const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  switch (m.kind) {
    case 'flip': {
      const out = base.slice();
      for (const at of m.at) out[position(at)] ^= 1 << m.bit;
      return out;
    }
    case 'set': {
      const out = base.slice();
      out[position(m.at)] = m.value;
      return out;
    }
    case 'truncate':
      return base.subarray(0, m.at % (base.length + 1));
    case 'insert':
      return join(base.subarray(0, position(m.at)), m.bytes, base.subarray(position(m.at)));
    default:
      return join(base.subarray(0, position(m.at)), base.subarray(position(m.at) + m.count));
  }
}

const outcome = (error) => (error === undefined ? 'decoded' : ArrowSusError.is(error) ? error.code : `UNTYPED ${error?.name}: ${error?.message}`);
async function streamed(bytes, size) {
  try {
    for await (const chunk of decompressDbc((function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    })(), { chunkSize: 1024 })) void chunk;
    return outcome(undefined);
  } catch (error) {
    return outcome(error);
  }
}
function synced(bytes) {
  try {
    decompressDbcSync(bytes);
    return outcome(undefined);
  } catch (error) {
    return outcome(error);
  }
}

const counts = new Map();
const deadline = Date.now() + seconds * 1000;
let seed = firstSeed;
let total = 0;
const input = fc.tuple(fc.nat(), mutation, fc.boolean(), fc.integer({ min: 1, max: 200 }));
while (Date.now() < deadline) {
  const batch = 5000;
  for (const [i, m, bias, size] of fc.sample(input, { seed, numRuns: batch })) {
    const bytes = mutate(seeds[i % seeds.length], m, bias);
    const a = synced(bytes);
    const b = total % 10 === 0 ? await streamed(bytes, size) : a;
    counts.set(a, (counts.get(a) ?? 0) + 1);
    total++;
    if (a.startsWith('UNTYPED') || b !== a) {
      console.error(`fuzz-dbc: violation at seed ${seed}: sync=${a} streaming=${b}`);
      console.error(`input (base64): ${Buffer.from(bytes).toString('base64')}`);
      process.exit(1);
    }
  }
  seed++;
}
console.log(`fuzz-dbc: ${total} mutated inputs in ${seconds} s (seeds ${firstSeed}…${seed - 1}, ${seeds.length} base files), every one decoded or typed\n`);
printTable(['outcome', 'inputs'], [...counts].sort((a, b) => b[1] - a[1]));
