/**
 * Agreement with @brazilian-utils/brazilian-utils (an independent implementation) on ≥ 100,000 seeded
 * valid and near-valid cases per document, and of the byte kernels (Arrow column path) with the scalar
 * validators on the same values.
 *
 * Where the library and the official rules part ways, the difference is pinned by its own test below.
 */
import { isValidCnpj as refCnpj, isValidCns as refCns, isValidCpf as refCpf } from '@brazilian-utils/brazilian-utils';
import { Utf8, vectorFromArray } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mask, validateCnpj, validateCns, validateColumn, validateCpf, type ColumnValidatorKind } from '../../../src/brazil/validate/index.js';
import { SEED, cnpjCandidate, cnsCandidate, cpfCandidate } from './arbitraries.js';

const RUNS = 100_000;

/** Checks the column kernel against the scalar results, with a null every 97 values. */
function expectColumnAgrees(values: string[], expected: boolean[], kind: ColumnValidatorKind): void {
  const withNulls = values.map((v, i) => (i % 97 === 0 ? null : v));
  const { valid, counts } = validateColumn(vectorFromArray(withNulls, new Utf8()), kind);
  let mismatches = 0;
  let expectedValid = 0;
  for (let i = 0; i < values.length; i++) {
    if (i % 97 === 0) {
      if (valid.get(i) !== null) mismatches++;
      continue;
    }
    if (expected[i] === true) expectedValid++;
    if (valid.get(i) !== expected[i]) mismatches++;
  }
  expect(mismatches).toBe(0);
  expect(counts.valid).toBe(expectedValid);
  expect(counts.nulls).toBe(Math.ceil(values.length / 97));
  expect(counts.valid + counts.invalid + counts.nulls).toBe(values.length);
}

describe('CPF against the reference library', () => {
  it(`agrees on ${RUNS.toLocaleString('en')} plain and masked cases, and the column kernel agrees too`, () => {
    const values: string[] = [];
    const expected: boolean[] = [];
    let validSeen = 0;
    fc.assert(
      fc.property(cpfCandidate, fc.boolean(), (raw, masked) => {
        const value = masked && raw.length === 11 ? mask('cpf', raw) : raw;
        const ours = validateCpf(value).valid;
        values.push(value);
        expected.push(ours);
        if (ours) validSeen++;
        return ours === refCpf(value);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Both outcomes are well represented, so agreement is not agreement on "false".
    expect(validSeen).toBeGreaterThan(RUNS * 0.3);
    expect(validSeen).toBeLessThan(RUNS * 0.7);
    expectColumnAgrees(values, expected, 'cpf');
  });
});

describe('CNPJ against the reference library (version 2 = numeric + alphanumeric)', () => {
  it(`agrees on ${RUNS.toLocaleString('en')} numeric, alphanumeric, lower-case and masked cases`, () => {
    const values: string[] = [];
    const expected: boolean[] = [];
    let alnumValid = 0;
    fc.assert(
      fc.property(cnpjCandidate, fc.boolean(), (raw, masked) => {
        const value = masked && raw.length === 14 && /^[0-9A-Za-z]{12}\d{2}$/.test(raw) ? mask('cnpj', raw) : raw;
        const ours = validateCnpj(value).valid;
        values.push(value);
        expected.push(ours);
        if (ours && /[A-Za-z]/.test(value)) alnumValid++;
        return ours === refCnpj(value, { version: 2 });
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(alnumValid).toBeGreaterThan(RUNS * 0.2);
    expectColumnAgrees(values, expected, 'cnpj');
  });

  it('the library default (version 1) rejects every valid alphanumeric CNPJ: out of date from July 2026', () => {
    // Receita Federal's own example (IN RFB 2.229/2024, manual do DV do CNPJ).
    expect(validateCnpj('12.ABC.345/01DE-35').valid).toBe(true);
    expect(refCnpj('12.ABC.345/01DE-35')).toBe(false);
    expect(refCnpj('12.ABC.345/01DE-35', { version: 2 })).toBe(true);
  });
});

describe('CNS against the reference library', () => {
  it(`agrees on ${RUNS.toLocaleString('en')} definitive (1/2), provisional (7/8/9) and near-valid cases`, () => {
    const values: string[] = [];
    const expected: boolean[] = [];
    let definitiveValid = 0;
    let provisionalValid = 0;
    fc.assert(
      fc.property(cnsCandidate, (value) => {
        const ours = validateCns(value).valid;
        values.push(value);
        expected.push(ours);
        if (ours && /^[12]/.test(value)) definitiveValid++;
        if (ours && /^[789]/.test(value)) provisionalValid++;
        return ours === refCns(value);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(definitiveValid).toBeGreaterThan(RUNS * 0.15);
    expect(provisionalValid).toBeGreaterThan(RUNS * 0.15);
    expectColumnAgrees(values, expected, 'cns');
  });
});

describe('input forms the reference library accepts and arrow-sus does not', () => {
  it('partial or unusual masks are format errors here (DataSUS stores documents unmasked)', () => {
    // The library allows any run of spaces, dots, dashes and slashes between digit groups.
    for (const value of ['529.982.24725', '529 982 247 25', '529/982/247/25']) {
      expect(refCpf(value)).toBe(true);
      expect(validateCpf(value)).toEqual({ valid: false, reason: 'format' });
    }
  });
});
