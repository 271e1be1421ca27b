#!/usr/bin/env node
// Validator throughput over Arrow Utf8 columns, one core, against @brazilian-utils/brazilian-utils
// (the reference library) in the same run. Build first: `npm run build`.
//
//   node bench/validators.js [--rows 2000000] [--rounds 7]
//
// Prints, per document: our median rate over the Arrow column (wall clock, and per CPU-second of the
// process, which stays meaningful when other work shares the cores), the reference's median rate over the
// same values as JS strings (its only input form), the wall-clock ratio, and that both agree on every value.
import { Utf8, vectorFromArray } from 'apache-arrow';
import { isValidCnpj as refCnpj, isValidCns as refCns, isValidCpf as refCpf } from '@brazilian-utils/brazilian-utils';
import { computeCnpjCheckDigits, computeCpfCheckDigits, deriveDefinitiveCns, validateColumn } from '../dist/brazil/validate/index.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ROWS = option('rows', 2_000_000);
const ROUNDS = option('rounds', 7);

// Seeded generator (mulberry32): the same values on every run.
let seed = 0x5eed;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
// Values are built as flat strings (String.fromCharCode over a code array): concatenating one character
// at a time would leave millions of rope strings behind and measure the garbage collector instead.
const digitCodes = (n) => Array.from({ length: n }, () => 48 + Math.floor(random() * 10));
const digits = (n) => String.fromCharCode(...digitCodes(n));
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const alnum = (n) => String.fromCharCode(...Array.from({ length: n }, () => ALNUM.charCodeAt(Math.floor(random() * 36))));
// Half valid, half with one digit changed (the realistic near-miss).
const corrupt = (value) => {
  const codes = Array.from(value, (c) => c.charCodeAt(0));
  const i = Math.floor(random() * codes.length);
  if (codes[i] >= 48 && codes[i] <= 57) codes[i] = 48 + ((codes[i] - 48 + 1 + Math.floor(random() * 9)) % 10);
  return String.fromCharCode(...codes);
};
const flat = (value) => String.fromCharCode(...Array.from(value, (c) => c.charCodeAt(0)));

const makeCpf = () => {
  const base = digits(9);
  const value = flat(base + computeCpfCheckDigits(base));
  return random() < 0.5 ? value : corrupt(value);
};
const makeCnpj = () => {
  // Numeric CNPJs: the only form the reference validates by default.
  const base = digits(12);
  const value = flat(base + computeCnpjCheckDigits(base));
  return random() < 0.5 ? value : corrupt(value);
};
const makeCnpjAlnum = () => {
  const base = alnum(12);
  const value = flat(base + computeCnpjCheckDigits(base));
  return random() < 0.5 ? value : corrupt(value);
};
const makeCns = () => {
  if (random() < 0.5) {
    const cns = deriveDefinitiveCns(`${1 + Math.floor(random() * 2)}${digits(10)}`);
    if (cns !== undefined) return random() < 0.5 ? flat(cns) : corrupt(cns);
  }
  return flat(`${7 + Math.floor(random() * 3)}${digits(14)}`);
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (rate) => `${(rate / 1e6).toFixed(2)} M/s`;

function bench(name, kind, make, reference) {
  const values = Array.from({ length: ROWS }, make);
  const column = vectorFromArray(values, new Utf8());
  const ours = [];
  const theirs = [];
  const oursCpu = [];
  let result;
  let disagreements = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    result = validateColumn(column, kind);
    ours.push(Number(process.hrtime.bigint() - t) / 1e9);
    const used = process.cpuUsage(cpu);
    oursCpu.push((used.user + used.system) / 1e6);
    t = process.hrtime.bigint();
    let count = 0;
    for (let i = 0; i < values.length; i++) if (reference(values[i])) count++;
    if (count < 0) throw new Error('unreachable'); // keeps the reference loop from being optimised away
    theirs.push(Number(process.hrtime.bigint() - t) / 1e9);
    if (round === 0) {
      const bits = result.valid;
      for (let i = 0; i < values.length; i++) if (bits.get(i) !== reference(values[i])) disagreements++;
    }
  }
  const ourRate = ROWS / median(ours);
  const theirRate = ROWS / median(theirs);
  // CPU time of the process during our pass: robust when other work shares the machine's cores.
  const ourCpuRate = ROWS / median(oursCpu);
  console.log(
    `${name.padEnd(13)} ours ${fmt(ourRate).padStart(11)} (per CPU-second ${fmt(ourCpuRate).padStart(11)})   reference ${fmt(theirRate).padStart(10)}   ratio ${(ourRate / theirRate).toFixed(1).padStart(5)}x   ` +
      `valid ${result.counts.valid}/${ROWS}, disagreements ${disagreements}`,
  );
  return ourRate;
}

console.log(`node ${process.version}, ${ROWS.toLocaleString('en')} values per column, median of ${ROUNDS} rounds, one core`);
const cpf = bench('CPF', 'cpf', makeCpf, refCpf);
const cnpj = bench('CNPJ numeric', 'cnpj', makeCnpj, refCnpj);
bench('CNPJ alnum', 'cnpj', makeCnpjAlnum, (v) => refCnpj(v, { version: 2 }));
bench('CNS', 'cns', makeCns, refCns);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`targets: CPF >= 20 M/s ${cpf >= 20e6 ? 'met' : 'NOT met'}, CNPJ >= 10 M/s ${cnpj >= 10e6 ? 'met' : 'NOT met'}`);
