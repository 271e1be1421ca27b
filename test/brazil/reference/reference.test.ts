/**
 * CID-10 and CBO parsers on generated official-format files and on the real TabWin tables, and the
 * cached loaders through a file:// source.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDbfRows } from '../../../src/brazil/geo/index.js';
import { cboFromCnv, cboFromDbfRows, cboFromSigtap, cid10FromCsvArchive, cid10FromDbfRows, loadCbo, loadCid10 } from '../../../src/brazil/reference/index.js';
import { validateCid10 } from '../../../src/brazil/validate/index.js';
import { LocalSource } from '../../../src/sources/index.js';
import { describeShared, fixturePath } from '../../helpers/shared.js';
import { writeZip } from '../helpers/zip-writer.js';

const temp = mkdtempSync(join(tmpdir(), 'arrow-sus-ref-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** CID10CSV.zip as DataSUS publishes it: `;`-separated, ISO-8859-1, CRLF. */
function cid10Archive(): Uint8Array {
  const latin1 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));
  const categories = ['CAT;CLASSIF;DESCRICAO;DESCRABREV;REFER;EXCLUIDOS', 'A00;;Cólera;A00   Colera;;', 'N40;;Hiperplasia da próstata;N40   Hiperplasia da prostata;;', 'O00;;Gravidez ectópica;O00   Gravidez ectopica;;'].join('\r\n');
  const subcategories = [
    'SUBCAT;CLASSIF;RESTRSEXO;CAUSAOBITO;DESCRICAO;DESCRABREV;REFER;EXCLUIDOS',
    'A000;;;;Cólera devida a Vibrio cholerae 01, biótipo cholerae;A00.0 Colera dev Vibrio cholerae 01 biot cholerae;;',
    'O000;;F;;Gravidez abdominal;O00.0 Gravidez abdominal;;',
    'U071;;;;Infecção pelo novo Coronavírus (COVID-19);U07.1 COVID-19;;',
  ].join('\r\n');
  return writeZip([
    { name: 'CID-10-CATEGORIAS.CSV', data: latin1(categories) },
    { name: 'CID-10-SUBCATEGORIAS.CSV', data: latin1(subcategories) },
    { name: 'CID-O-GRUPOS.CSV', data: latin1('CATINIC;CATFIM;DESCRICAO\r\n') },
  ]);
}

describe('CID-10', () => {
  it('reads CID10CSV.zip: categories, subcategories, Latin-1 accents, sex restriction', () => {
    const table = cid10FromCsvArchive(cid10Archive(), 'CID10CSV.zip');
    expect(table.size).toBe(6);
    expect(table.describe('A00.0')?.description).toBe('Cólera devida a Vibrio cholerae 01, biótipo cholerae');
    expect(table.describe('O000')?.sex).toBe('F');
    expect(table.describe('u07.1')?.description).toBe('Infecção pelo novo Coronavírus (COVID-19)');
    expect(table.describe('A00')?.category).toBe(true);
    expect(validateCid10('Z999', { known: table.codes() })).toEqual({ valid: false, reason: 'unknown_code' });
    expect(validateCid10('A000', { known: table.codes() })).toEqual({ valid: true });
  });
  it('an archive without the CSVs is DOMAIN_TABLE_INVALID', () => {
    expect(() => cid10FromCsvArchive(writeZip([{ name: 'x.txt', data: 'x' }]), 'x.zip')).toThrow(expect.objectContaining({ code: 'DOMAIN_TABLE_INVALID' }));
  });
  it('loadCid10 downloads through a file:// source once and caches', async () => {
    const root = join(temp, 'www2');
    mkdirSync(join(root, 'cid10', 'V2008', 'downloads'), { recursive: true });
    writeFileSync(join(root, 'cid10', 'V2008', 'downloads', 'CID10CSV.zip'), cid10Archive());
    const source = new LocalSource({ root });
    const cacheDir = join(temp, 'cache');
    expect((await loadCid10({ source, cacheDir })).size).toBe(6);
    rmSync(join(root, 'cid10'), { recursive: true });
    expect((await loadCid10({ source, cacheDir })).describe('A00')?.description).toBe('Cólera'); // from the cache
    await source.close();
  });
});

describe('CBO', () => {
  it('from a CBO2002.CNV-style file, from DBF-style rows, and from SIGTAP tb_ocupacao', () => {
    const cnv = ['  2  6', `   1  ${'Médico clínico'.padEnd(50)}225125`, `   2  ${'Enfermeiro'.padEnd(50)}223505`, ''].join('\n');
    expect(cboFromCnv(cnv, 'CBO2002.CNV').get('2251-25')).toBe('Médico clínico');
    expect(cboFromDbfRows([{ CBO: '010105', DS_CBO: 'OFICIAL GENERAL DA AERONAUTICA' }], 'rows').get('010105')).toBe('OFICIAL GENERAL DA AERONAUTICA');
    const layout = 'Coluna,Tamanho,Inicio,Fim,Tipo\r\nCO_OCUPACAO,6,1,6,VARCHAR2\r\nNO_OCUPACAO,150,7,156,VARCHAR2\r\n';
    const table = `225125${'MEDICO CLINICO'.padEnd(150)}\r\n223505${'ENFERMEIRO'.padEnd(150)}\r\n`;
    expect(cboFromSigtap(table, layout, 'tb_ocupacao.txt').get('223505')).toBe('ENFERMEIRO');
    expect(() => cboFromDbfRows([], 'empty')).toThrow(expect.objectContaining({ code: 'DOMAIN_TABLE_INVALID' }));
  });
  it('loadCbo finds CBO2002.CNV inside the SIM TabWin archive', async () => {
    const root = join(temp, 'ftp');
    mkdirSync(join(root, 'dissemin', 'publicos', 'SIM', 'CID10', 'TAB'), { recursive: true });
    // TabWin files are DOS code page 850: é = 0x82, í = 0xA1.
    const text = ['  1  6', `   1  ${'M\u0082dico cl\u00a1nico'.padEnd(50)}225125`, ''].join('\r\n');
    const cnv = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    writeFileSync(join(root, 'dissemin', 'publicos', 'SIM', 'CID10', 'TAB', 'OBITOS_CID10_TAB.zip'), writeZip([{ name: 'CNV/CBO2002.CNV', data: cnv }]));
    const source = new LocalSource({ root });
    expect((await loadCbo({ source, cacheDir: join(temp, 'cache-cbo') })).get('225125')).toBe('Médico clínico');
    await source.close();
  });
});

describeShared('real TabWin reference tables', () => {
  it('SIM CID10.DBF: 14,257 codes, descriptions without the code prefix, Latin-1 additions', async () => {
    const table = cid10FromDbfRows(await readDbfRows(readFileSync(fixturePath('dbf/CID10.DBF')), { encoding: 'latin1' }), 'CID10.DBF');
    expect(table.size).toBe(14257);
    expect(table.describe('A000')?.description).toBe('Colera dev Vibrio cholerae 01 biot cholerae');
    expect(table.describe('U071')?.description).toBe('Infecção pelo novo Coronavírus (COVID-19)');
    expect(table.describe('C61')?.sex).toBe('M');
    expect(table.describe('O00')?.sex).toBe('F');
    expect([...table].filter((e) => e.category)).toHaveLength(2046);
  });
  it('CNES CBO_02.dbf: 2,768 occupations, some with letters (CNES-specific codes)', async () => {
    const rows = await readDbfRows(readFileSync(fixturePath('dbf/CBO_02.dbf')));
    expect(rows).toHaveLength(2768);
    const cbo = cboFromDbfRows(rows, 'CBO_02.dbf');
    expect(cbo.size).toBe(new Set(rows.map((row) => row['CBO'])).size);
    expect(cbo.size).toBe(2768);
    expect([...new Set(rows.map((row) => row['CBO']))].some((code) => /[A-Z]/.test(code ?? ''))).toBe(true);
    expect(cbo.get('010105')).toBe('OFICIAL GENERAL DA AERONAUTICA');
  });
});
