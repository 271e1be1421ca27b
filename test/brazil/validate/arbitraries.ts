/**
 * Seeded fast-check generators of valid and near-valid documents, shared by the oracle tests.
 * Near-valid = one realistic typing slip away from a valid value: a digit changed, two neighbours
 * swapped, a digit dropped or doubled, or a reserved repeated-digit number.
 */
import fc from 'fast-check';
import { computeCnpjCheckDigits, computeCpfCheckDigits, deriveDefinitiveCns } from '../../../src/brazil/validate/index.js';

/** The seed every property in this folder runs with. */
export const SEED = 20260701;

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number): fc.Arbitrary<string> => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const alnumChar = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const alnum = (n: number): fc.Arbitrary<string> => fc.array(alnumChar, { minLength: n, maxLength: n }).map((d) => d.join(''));

/** Applies one slip at a position chosen by `at` (0…1). */
function slip(value: string, kind: number, at: number, replacement: string): string {
  const i = Math.min(value.length - 1, Math.floor(at * value.length));
  switch (kind) {
    case 0:
      return value.slice(0, i) + replacement + value.slice(i + 1);
    case 1:
      return i + 1 < value.length ? value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2) : value;
    case 2:
      return value.slice(0, i) + value.slice(i + 1);
    default:
      return value.slice(0, i) + value[i] + value.slice(i);
  }
}

const nearValid = (valid: fc.Arbitrary<string>, replacement: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(valid, fc.integer({ min: 0, max: 3 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), replacement).map(
    ([value, kind, at, r]) => slip(value, kind, at, r),
  );

export const validCpf = digits(9).map((base) => base + computeCpfCheckDigits(base));
export const cpfCandidate = fc.oneof(
  { arbitrary: validCpf, weight: 4 },
  { arbitrary: nearValid(validCpf, digit), weight: 4 },
  { arbitrary: digit.map((d) => d.repeat(11)), weight: 1 },
  { arbitrary: digits(11), weight: 1 },
);

export const validCnpjNumeric = digits(12).map((base) => base + computeCnpjCheckDigits(base));
export const validCnpjAlnum = alnum(12).map((base) => base + computeCnpjCheckDigits(base));
export const cnpjCandidate = fc.oneof(
  { arbitrary: validCnpjNumeric, weight: 3 },
  { arbitrary: validCnpjAlnum, weight: 3 },
  { arbitrary: nearValid(validCnpjNumeric, digit), weight: 2 },
  { arbitrary: nearValid(validCnpjAlnum, alnumChar), weight: 2 },
  { arbitrary: validCnpjAlnum.map((v) => v.toLowerCase()), weight: 1 },
  { arbitrary: digit.map((d) => d.repeat(14)), weight: 1 },
  { arbitrary: alnumChar.map((c) => c.repeat(12)).map((base) => base + computeCnpjCheckDigits(base)), weight: 1 },
);

const definitiveBase = fc.tuple(fc.constantFrom('1', '2'), digits(10)).map(([a, b]) => a + b);
export const validCnsDefinitive = definitiveBase.map(deriveDefinitiveCns).filter((v): v is string => v !== undefined);
/** Provisional CNS: 14 random digits after 7/8/9, last digit fixed up when the sum allows it. */
export const validCnsProvisional = fc.tuple(fc.constantFrom('7', '8', '9'), digits(13)).map(([a, b]) => {
  const head = a + b;
  let sum = 0;
  for (let i = 0; i < 14; i++) sum += Number(head[i]) * (15 - i);
  for (let last = 0; last <= 9; last++) if ((sum + last) % 11 === 0) return head + String(last);
  return `${head}0`; // no digit closes the sum: an invalid value, still a useful case
});
export const cnsCandidate = fc.oneof(
  { arbitrary: validCnsDefinitive, weight: 3 },
  { arbitrary: validCnsProvisional, weight: 3 },
  { arbitrary: nearValid(fc.oneof(validCnsDefinitive, validCnsProvisional), digit), weight: 3 },
  // The "001 where the routine gives 000" trap that the loose weighted-sum shortcut accepts.
  { arbitrary: validCnsDefinitive.map((v) => `${v.slice(0, 11)}${v.slice(11, 14) === '000' ? '001' : '000'}${v[14]}`), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom('0', '3', '4', '5', '6'), digits(14)).map(([a, b]) => a + b), weight: 1 },
);
