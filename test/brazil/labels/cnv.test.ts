/**
 * TabWin `.CNV` parser on generated files written the way the official ones are (fixed-width columns,
 * DOS code page 850, code lists and ranges, continuation lines, a code pushed to column 60).
 */
import { describe, expect, it } from 'vitest';
import { Table, Utf8, vectorFromArray } from 'apache-arrow';
import { cnvToColumnDictionary, decodeLabels, lookupCnv, parseCnv } from '../../../src/brazil/labels/index.js';

/** A CNV line: sequence right-aligned in 4 columns, label in 50, codes after. */
const line = (sequence: number, label: string, codes: string): string => `${String(sequence).padStart(4)}  ${label.padEnd(50)}${codes}`;

/** Encodes text as CP850 for the few accented letters the samples use. */
function cp850(text: string): Uint8Array {
  const table: Record<string, number> = { 'í': 0xa1, 'ã': 0xc6, 'ç': 0x87, 'é': 0x82, 'Ã': 0xc7 };
  return Uint8Array.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
}

describe('parseCnv', () => {
  const race = [
    '; Raça/cor - SIH (comment lines are skipped)',
    '   6  2',
    line(1, 'Branca', '01'),
    line(2, 'Preta', '02'),
    line(3, 'Parda', '03'),
    line(4, 'Amarela', '04'),
    line(5, 'Indígena', '05'),
    line(6, 'Sem informação', '99,00'),
    line(6, 'Sem informação', '06-09'), // continuation: same sequence number adds codes
    '',
  ].join('\r\n');

  it('reads header, labels, code lists, ranges and continuation lines from CP850 bytes', () => {
    const cnv = parseCnv(cp850(race), { name: 'RACA_COR.CNV' });
    expect(cnv.declaredCount).toBe(6);
    expect(cnv.width).toBe(2);
    expect(cnv.categories).toHaveLength(6);
    expect(cnv.categories[4]?.label).toBe('Indígena');
    expect(cnv.categories[5]).toEqual({ sequence: 6, label: 'Sem informação', codes: ['99', '00'], ranges: [['06', '09']] });
    expect(lookupCnv(cnv, '07')).toBe('Sem informação');
    expect(lookupCnv(cnv, '03')).toBe('Parda');
    expect(lookupCnv(cnv, '10')).toBeUndefined();
  });

  it('becomes a column dictionary that decodeLabels can use instead of the embedded one', () => {
    const dictionary = { system: 'SIH' as const, version: 'cnv-test', sources: ['RACA_COR.CNV'], columns: { RACA_COR: cnvToColumnDictionary(parseCnv(cp850(race))) } };
    expect(dictionary.columns.RACA_COR.labels['08']).toBe('Sem informação');
    const table = new Table({ RACA_COR: vectorFromArray(['03', '08', '05'], new Utf8()) });
    const { data, unknown } = decodeLabels(table, { system: 'SIH', dictionary });
    expect([...(data.getChild('RACA_COR') ?? [])]).toEqual(['Parda', 'Sem informação', 'Indígena']);
    expect(unknown).toEqual([]);
  });

  it('tolerates a code written outside the usual column (as in one SINASC file) and labels without codes', () => {
    const text = ['  3  1', line(1, 'Sim', '1'), `   2  Não${' '.repeat(52)}2`, '   3  Cabeçalho sem código', ''].join('\n');
    const cnv = parseCnv(text);
    expect(lookupCnv(cnv, '2')).toBe('Não');
    expect(cnv.categories[2]).toEqual({ sequence: 3, label: 'Cabeçalho sem código', codes: [], ranges: [] });
  });

  it('alphanumeric ranges (CID chapters) are matched, not expanded', () => {
    const cnv = parseCnv(['  2  3', line(1, 'Algumas doenças infecciosas e parasitárias', 'A00-B99'), line(2, 'Neoplasias', 'C00-D48'), ''].join('\n'));
    expect(lookupCnv(cnv, 'B20')).toBe('Algumas doenças infecciosas e parasitárias');
    expect(lookupCnv(cnv, 'D10')).toBe('Neoplasias');
    expect(Object.keys(cnvToColumnDictionary(cnv).labels)).toEqual([]);
  });

  it('a file without the count/width header is DOMAIN_TABLE_INVALID', () => {
    expect(() => parseCnv('Masculino 1\n', { name: 'X.CNV' })).toThrow(expect.objectContaining({ code: 'DOMAIN_TABLE_INVALID' }));
  });
});
