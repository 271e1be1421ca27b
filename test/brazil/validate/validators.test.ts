/**
 * Worked examples for every validator: official examples, each reason code, the nine IBGE exceptions.
 */
import { getMunicipalities } from '@brazilian-utils/brazilian-utils';
import { Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ArrowSusError } from '../../../src/errors.js';
import {
  IBGE_CHECK_DIGIT_EXCEPTIONS,
  computeCnesCheckDigit,
  computeCnpjCheckDigits,
  computeCpfCheckDigits,
  computeIbgeCheckDigit,
  deriveDefinitiveCns,
  mask,
  normalizeCid10,
  toIbge7,
  unmask,
  validateCid10,
  validateCnes,
  validateCnpj,
  validateCns,
  validateCid10Column,
  validateColumn,
  validateCpf,
  validateIbgeMunicipality,
} from '../../../src/brazil/validate/index.js';

describe('CPF', () => {
  it('accepts the documented example, plain and masked', () => {
    expect(computeCpfCheckDigits('529982247')).toBe('25');
    expect(validateCpf('529.982.247-25')).toEqual({ valid: true });
    expect(validateCpf('52998224725')).toEqual({ valid: true });
  });
  it('gives a stable reason for each failure', () => {
    expect(validateCpf('')).toEqual({ valid: false, reason: 'empty' });
    expect(validateCpf('5299822472')).toEqual({ valid: false, reason: 'length' });
    expect(validateCpf('5299822472X')).toEqual({ valid: false, reason: 'format' });
    expect(validateCpf('11111111111')).toEqual({ valid: false, reason: 'repeated_digits' });
    expect(validateCpf('52998224724')).toEqual({ valid: false, reason: 'check_digit' });
  });
});

describe('CNPJ', () => {
  it('numeric: the classic example', () => {
    expect(computeCnpjCheckDigits('112223330001')).toBe('81');
    expect(validateCnpj('11.222.333/0001-81')).toEqual({ valid: true });
  });
  it('alphanumeric: Receita Federal example 12.ABC.345/01DE-35 and the Q0SLFMBD7VX4 example', () => {
    // 12ABC34501DE: values 1,2,17,18,19,3,4,5,0,1,20,21 (ASCII − 48).
    expect(computeCnpjCheckDigits('12ABC34501DE')).toBe('35');
    expect(validateCnpj('12.ABC.345/01DE-35')).toEqual({ valid: true });
    expect(validateCnpj('12abc34501de35')).toEqual({ valid: true });
    expect(computeCnpjCheckDigits('Q0SLFMBD7VX4')).toBe('39');
    expect(validateCnpj('Q0SLFMBD7VX439')).toEqual({ valid: true });
  });
  it('rejects the wrong "ASCII − 48 − 7" letter values seen in third-party code', () => {
    // Under that variant A = 10 … the DVs of 12ABC34501DE would differ from Receita's 35.
    const wrong = '12ABC34501DE'.split('').map((c) => (/[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : Number(c)));
    const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const r1 = wrong.reduce((sum, v, i) => sum + v * (w1[i] ?? 0), 0) % 11;
    expect(String(r1 < 2 ? 0 : 11 - r1)).not.toBe('3');
  });
  it('check digits must be numeric; numeric repeated digits are reserved, alphanumeric ones are not', () => {
    expect(validateCnpj('12ABC34501DEA5')).toEqual({ valid: false, reason: 'format' });
    expect(validateCnpj('00000000000000')).toEqual({ valid: false, reason: 'repeated_digits' });
    const allA = `AAAAAAAAAAAA${computeCnpjCheckDigits('AAAAAAAAAAAA')}`;
    expect(validateCnpj(allA)).toEqual({ valid: true });
    expect(validateCnpj('11222333000182')).toEqual({ valid: false, reason: 'check_digit' });
    expect(validateCnpj('1122233300018')).toEqual({ valid: false, reason: 'length' });
    expect(validateCnpj('11.222.333/0001-8!')).toEqual({ valid: false, reason: 'format' });
  });
});

describe('CNS', () => {
  it('definitive 1/2: the "000" branch (worked by hand)', () => {
    // pis 10000000000: soma = 1·15 = 15; 15 mod 11 = 4; dv = 7 → 10000000000 000 7.
    expect(deriveDefinitiveCns('10000000000')).toBe('100000000000007');
    expect(validateCns('100000000000007')).toEqual({ valid: true });
    expect(validateCns('200000000000003')).toEqual({ valid: true }); // 2·15 = 30; 30 mod 11 = 8; dv = 3
  });
  it('definitive 1/2: the "001" branch when dv = 10 (worked by hand)', () => {
    // pis 10000000006: soma = 15 + 6·5 = 45; 45 mod 11 = 1 → dv 10 → soma 47; 47 mod 11 = 3; dv = 8.
    expect(deriveDefinitiveCns('10000000006')).toBe('100000000060018');
    expect(validateCns('100000000060018')).toEqual({ valid: true });
    expect(validateCns('100000000060008')).toEqual({ valid: false, reason: 'check_digit' });
  });
  it('rejects what the loose "15-digit weighted sum ≡ 0 mod 11" shortcut accepts', () => {
    // 100000000000015: 15 + 1·2 + 5·1 = 22 ≡ 0 (mod 11), but the routine gives 000 7 for this PIS.
    expect(validateCns('100000000000015')).toEqual({ valid: false, reason: 'check_digit' });
  });
  it('provisional 7/8/9: weighted sum of all 15 digits ≡ 0 (mod 11)', () => {
    expect(validateCns('700000000000005')).toEqual({ valid: true }); // 7·15 + 5 = 110
    expect(validateCns('800000000000001')).toEqual({ valid: true }); // 8·15 + 1 = 121
    expect(validateCns('900000000000008')).toEqual({ valid: true }); // 9·15 + 8 = 143
    expect(validateCns('700 0000 0000 0005')).toEqual({ valid: true });
    expect(validateCns('700000000000006')).toEqual({ valid: false, reason: 'check_digit' });
  });
  it('0, 3, 4, 5 and 6 start no CNS series', () => {
    for (const first of '03456') expect(validateCns(`${first}00000000000000`)).toEqual({ valid: false, reason: 'prefix' });
  });
});

describe('CNES', () => {
  it('a real code (STPB1912: 2321742) satisfies the empirical check digit', () => {
    expect(computeCnesCheckDigit('232174')).toBe(2);
    expect(validateCnes('2321742')).toEqual({ valid: true });
  });
  it('a check-digit mismatch is a warning, not an error', () => {
    expect(validateCnes('2321743')).toEqual({ valid: true, warning: 'check_digit' });
    expect(validateCnes('232174')).toEqual({ valid: false, reason: 'length' });
    const column = vectorFromArray(['2321742', '2321743', '23217'], new Utf8());
    expect(validateColumn(column, 'cnes').counts).toEqual({ valid: 2, invalid: 1, nulls: 0 });
    expect(validateColumn(column, 'cnes-check-digit').counts).toEqual({ valid: 1, invalid: 2, nulls: 0 });
  });
});

describe('IBGE municipality codes', () => {
  it('computes the documented check digits', () => {
    expect(computeIbgeCheckDigit('355030')).toBe(8);
    expect(computeIbgeCheckDigit('330455')).toBe(7);
    expect(computeIbgeCheckDigit('310620')).toBe(0);
  });
  it('accepts exactly the nine official exceptions that break the rule', () => {
    expect([...IBGE_CHECK_DIGIT_EXCEPTIONS.keys()].sort()).toEqual(
      ['2201919', '2201988', '2202251', '2611533', '3117836', '3152131', '4305871', '5203939', '5203962'],
    );
    for (const code of IBGE_CHECK_DIGIT_EXCEPTIONS.keys()) {
      expect(computeIbgeCheckDigit(code.slice(0, 6))).not.toBe(Number(code[6]));
      expect(validateIbgeMunicipality(code)).toEqual({ valid: true });
      expect(toIbge7(code.slice(0, 6))).toBe(code);
      // The rule's own digit is wrong for these nine.
      const ruleCode = code.slice(0, 6) + String(computeIbgeCheckDigit(code.slice(0, 6)));
      expect(validateIbgeMunicipality(ruleCode)).toEqual({ valid: false, reason: 'check_digit' });
    }
  });
  it('all 5,571 current municipalities validate, 6→7 conversion is exact, and only the nine break the rule', () => {
    const all = getMunicipalities();
    expect(all.length).toBeGreaterThanOrEqual(5570);
    const breaking = all.filter((m) => computeIbgeCheckDigit(m.code.slice(0, 6)) !== Number(m.code[6])).map((m) => m.code);
    expect(breaking.sort()).toEqual([...IBGE_CHECK_DIGIT_EXCEPTIONS.keys()].sort());
    const codes = all.map((m) => m.code);
    expect(codes.every((code) => validateIbgeMunicipality(code).valid && toIbge7(code.slice(0, 6)) === code)).toBe(true);
    const column = vectorFromArray([...codes, ...codes.map((c) => c.slice(0, 6))], new Utf8());
    expect(validateColumn(column, 'ibge').counts).toEqual({ valid: codes.length * 2, invalid: 0, nulls: 0 });
  });
  it('rejects unknown UF prefixes, the UF0000 pseudo-codes and wrong lengths', () => {
    expect(validateIbgeMunicipality('990010')).toEqual({ valid: false, reason: 'format' });
    expect(validateIbgeMunicipality('350000')).toEqual({ valid: false, reason: 'format' });
    expect(validateIbgeMunicipality('35503')).toEqual({ valid: false, reason: 'length' });
    expect(toIbge7('000000')).toBeUndefined();
  });
});

describe('CID-10', () => {
  it('accepts the microdata forms and normalises them', () => {
    expect(normalizeCid10('E14.8')).toBe('E148');
    expect(normalizeCid10('*R58X')).toBe('R58');
    expect(normalizeCid10('u071')).toBe('U071');
    expect(validateCid10('A09')).toEqual({ valid: true });
    expect(validateCid10('A0')).toEqual({ valid: false, reason: 'format' });
    expect(validateCid10('1A00')).toEqual({ valid: false, reason: 'format' });
  });
  it('checks existence against a loaded table', () => {
    const known = new Set(['A00', 'A000']);
    expect(validateCid10('A00.0', { known })).toEqual({ valid: true });
    expect(validateCid10('Z999', { known })).toEqual({ valid: false, reason: 'unknown_code' });
  });
  it('the column kernel agrees with the scalar format check', () => {
    const values = ['A00', 'A000', 'A00.0', '*R58X', 'r58x', 'A0', 'A00.', 'AA00', '0000', 'A0000'];
    const { valid } = validateColumn(vectorFromArray(values, new Utf8()), 'cid10');
    expect(values.map((_, i) => valid.get(i))).toEqual(values.map((v) => validateCid10(v).valid));
  });
});

describe('validateCid10Column', () => {
  it('checks format and, with a table, existence, in the same forms as the scalar validator', () => {
    const known = new Set(['A00', 'A000', 'R58', 'U071']);
    const values = ['A00', 'A00.0', 'a000', '*R58X', 'R58', 'U071', 'Z999', 'A0', null];
    const { valid, counts } = validateCid10Column(vectorFromArray(values, new Utf8()), { known });
    expect(values.map((_, i) => valid.get(i))).toEqual(values.map((v) => (v === null ? null : validateCid10(v, { known }).valid)));
    expect(counts).toEqual({ valid: 6, invalid: 2, nulls: 1 });
    expect(validateCid10Column(vectorFromArray(['Z999'], new Utf8())).counts.valid).toBe(1);
  });
});

describe('mask / unmask', () => {
  it('round-trips each document', () => {
    expect(mask('cpf', '52998224725')).toBe('529.982.247-25');
    expect(mask('cnpj', '12abc34501de35')).toBe('12.ABC.345/01DE-35');
    expect(mask('cns', '700000000000005')).toBe('700 0000 0000 0005');
    expect(mask('cep', '70040010')).toBe('70040-010');
    expect(unmask('12.ABC.345/01DE-35')).toBe('12ABC34501DE35');
  });
  it('refuses values of the wrong length with INVALID_ARGUMENT', () => {
    expect(() => mask('cpf', '123')).toThrow(ArrowSusError);
    try {
      mask('cpf', '123');
    } catch (error) {
      expect(ArrowSusError.is(error, 'INVALID_ARGUMENT')).toBe(true);
    }
  });
});

describe('validateColumn', () => {
  it('handles sliced chunks, nulls and multi-chunk vectors', () => {
    const column = vectorFromArray(['x', '52998224725', null, '52998224724', '11111111111'], new Utf8());
    const sliced = column.slice(1);
    const { valid, counts } = validateColumn(sliced, 'cpf');
    expect([0, 1, 2, 3].map((i) => valid.get(i))).toEqual([true, null, false, false]);
    expect(counts).toEqual({ valid: 1, invalid: 2, nulls: 1 });
    const twoChunks = column.concat(column);
    expect(validateColumn(twoChunks, 'cpf').counts).toEqual({ valid: 2, invalid: 6, nulls: 2 });
  });
  it('refuses a non-text column with INVALID_ARGUMENT', () => {
    const numbers = vectorFromArray([1, 2, 3]);
    expect(() => validateColumn(numbers as never, 'cpf')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
