/**
 * Label decoding: per-system code orders, zero padding, unknown-code reports on real SIM, SIH and
 * CNES-ST files (read with src/dbf) and on generated SINASC, SIA-PA and SINAN tables.
 */
import { readFileSync } from 'node:fs';
import { Dictionary, RecordBatch, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decompressDbcSync } from '../../../src/dbc/index.js';
import { readDbf } from '../../../src/dbf/index.js';
import { LABEL_DICTIONARIES, decodeLabels, getLabelDictionary, labelDecoder, normalizeCode } from '../../../src/brazil/labels/index.js';
import { describeShared, fixturePath } from '../../helpers/shared.js';

async function readTable(path: string): Promise<Table> {
  const bytes = new Uint8Array(readFileSync(path));
  const dbf = /\.dbc$/i.test(path) ? decompressDbcSync(bytes).dbf : bytes;
  const batches: RecordBatch[] = [];
  for await (const batch of readDbf(dbf, { encoding: 'cp850' })) batches.push(batch);
  return new Table(batches);
}

/**
 * Checks the byte-level decoder against a plain lookup (normalizeCode + the dictionary) on every cell
 * of every decoded column, and that the unknown report counts exactly the cells the lookup misses.
 */
function expectDecodedLikeLookup(raw: Table, decoded: Table, system: string, unknown: readonly { column: string; code: string; count: number }[]): void {
  const dictionary = getLabelDictionary(system);
  const misses = new Map<string, number>();
  for (const [name, col] of Object.entries(dictionary.columns)) {
    const before = raw.getChild(name);
    const after = decoded.getChild(name);
    if (before === null || after === null) continue;
    const byCode = new Map(Object.entries(col.labels).map(([code, label]) => [normalizeCode(code), label]));
    for (let i = 0; i < raw.numRows; i++) {
      const value: unknown = before.get(i);
      const text = value === null || value === undefined ? '' : String(value).trim();
      const expected = text === '' ? null : (byCode.get(normalizeCode(text)) ?? null);
      if (text !== '' && expected === null) misses.set(`${name}\u0000${text}`, (misses.get(`${name}\u0000${text}`) ?? 0) + 1);
      if (after.get(i) !== expected) throw new Error(`${system} ${name} row ${i}: ${String(after.get(i))} ≠ ${String(expected)}`);
    }
  }
  expect(unknown.map((u) => [`${u.column}\u0000${u.code}`, u.count]).sort()).toEqual([...misses].sort());
}

const text = (values: (string | null)[]): Vector<Utf8> => vectorFromArray(values, new Utf8());
const column = (table: Table | RecordBatch, name: string): (string | null)[] => {
  const child = table.getChild(name);
  if (child === null) throw new Error(`no column ${name}`);
  return [...child].map((v) => (v === null || v === undefined ? null : String(v)));
};

describe('dictionaries', () => {
  it('every system has a version and only non-empty code lists', () => {
    for (const dictionary of Object.values(LABEL_DICTIONARIES)) {
      expect(dictionary.version).toMatch(/^\d{4}\.\d{2}\.\d+$/);
      for (const [name, col] of Object.entries(dictionary.columns)) expect(Object.keys(col.labels).length, name).toBeGreaterThan(0);
    }
  });
  it('race/colour: 4 is Parda in SIM and SINASC but Amarela in SIH and SIA', () => {
    expect(getLabelDictionary('SIM').columns['RACACOR']?.labels['4']).toBe('Parda');
    expect(getLabelDictionary('SINASC').columns['RACACOR']?.labels['4']).toBe('Parda');
    expect(getLabelDictionary('SIH').columns['RACA_COR']?.labels['04']).toBe('Amarela');
    expect(getLabelDictionary('SIA-PA').columns['PA_RACACOR']?.labels['04']).toBe('Amarela');
    expect(getLabelDictionary('SINAN-DENG').columns['CS_RACA']?.labels['4']).toBe('Parda');
  });
  it('unknown systems fail with CATALOG_UNKNOWN_SYSTEM', () => {
    expect(() => getLabelDictionary('XYZ')).toThrow(expect.objectContaining({ code: 'CATALOG_UNKNOWN_SYSTEM' }));
  });
  it('normalises zero padding', () => {
    expect(normalizeCode('03')).toBe('3');
    expect(normalizeCode('00')).toBe('0');
    expect(normalizeCode(' 1M ')).toBe('1M');
  });
});

describe('decodeLabels on generated tables', () => {
  it('SIH: zero-padded codes decode (the mistake of matching "3" against "03" is not repeated)', () => {
    const table = new Table({ RACA_COR: text(['03', '3', '04', '99', '06', null, '']), N_AIH: text(['a', 'b', 'c', 'd', 'e', 'f', 'g']) });
    const { data, unknown } = decodeLabels(table, { system: 'SIH' });
    expect(column(data, 'RACA_COR')).toEqual(['Parda', 'Parda', 'Amarela', 'Sem informação', null, null, null]);
    expect(data.getChild('RACA_COR')?.type).toBeInstanceOf(Dictionary);
    expect(String(data.getChild('N_AIH')?.type)).toBe('Utf8');
    // 06 is not a race/colour code in SIH: reported, never guessed.
    expect(unknown).toEqual([{ column: 'RACA_COR', code: '06', count: 1 }]);
  });
  it('SINASC: numeric and letter sex codes, IBGE race order', () => {
    const table = new Table({ SEXO: text(['1', 'M', '2', 'F', 'I', '9']), RACACOR: text(['1', '2', '3', '4', '5', '9']) });
    const { data, unknown } = decodeLabels(table, { system: 'SINASC' });
    expect(column(data, 'SEXO')).toEqual(['Masculino', 'Masculino', 'Feminino', 'Feminino', 'Ignorado', 'Ignorado']);
    expect(column(data, 'RACACOR')).toEqual(['Branca', 'Preta', 'Amarela', 'Parda', 'Indígena', 'Ignorado']);
    expect(unknown).toEqual([]);
  });
  it('SIA-PA: junk race codes seen in real files are reported per code', () => {
    const table = new Table({ PA_RACACOR: text(['01', '03', '00', '1M', '1M', 'DE', '99']), PA_SEXO: text(['M', 'F', '0', 'M', 'F', 'M', 'F']) });
    const { data, unknown } = decodeLabels(table, { system: 'SIA-PA' });
    expect(column(data, 'PA_RACACOR')).toEqual(['Branca', 'Parda', 'Raça/cor não exigida', null, null, null, 'Sem informação']);
    expect(unknown).toEqual([
      { column: 'PA_RACACOR', code: '1M', count: 2 },
      { column: 'PA_RACACOR', code: 'DE', count: 1 },
    ]);
  });
  it('SINAN dengue, chikungunya, zika and tuberculosis share the notification block', () => {
    const common = { CS_SEXO: text(['M', 'F', 'I']), CS_RACA: text(['4', '3', '9']), SG_UF_NOT: text(['35', '33', '99']) };
    for (const system of ['SINAN-DENG', 'SINAN-CHIK', 'SINAN-ZIKA', 'SINAN-TUBE']) {
      const { data, unknown } = decodeLabels(new Table(common), { system });
      expect(column(data, 'CS_RACA')).toEqual(['Parda', 'Amarela', 'Ignorado']);
      expect(column(data, 'SG_UF_NOT')).toEqual(['São Paulo', 'Rio de Janeiro', 'Ignorado']);
      expect(unknown).toEqual([]);
    }
    const tube = decodeLabels(new Table({ FORMA: text(['1', '2', '3']), SITUA_ENCE: text(['1', '10', '7']) }), { system: 'SINAN-TUBE' });
    expect(column(tube.data, 'SITUA_ENCE')).toEqual(['Cura', 'Abandono primário', 'TB-DR']);
    const deng = decodeLabels(new Table({ CLASSI_FIN: text(['10', '11', '12', '5']) }), { system: 'SINAN-DENG' });
    expect(column(deng.data, 'CLASSI_FIN')).toEqual(['Dengue', 'Dengue com sinais de alarme', 'Dengue grave', 'Descartado']);
  });
  it('labelDecoder keeps one dictionary type across batches and accumulates the report', () => {
    const label = labelDecoder('SIM');
    const a = label(new RecordBatch({ SEXO: text(['1', '2']).data[0]! }));
    const b = label(new RecordBatch({ SEXO: text(['7', '0']).data[0]! }));
    expect(a.schema.fields[0]?.type).toBe(b.schema.fields[0]?.type);
    expect(new Table([a, b]).getChild('SEXO')?.toArray()).toEqual(['Masculino', 'Feminino', null, 'Ignorado']);
    expect(label.unknownCodes()).toEqual([{ column: 'SEXO', code: '7', count: 1 }]);
    expect(a.schema.fields[0]?.metadata.get('arrow-sus:labels')).toBe('SIM@2026.11.1');
  });
  it('a multi-batch labelled table survives an Arrow IPC stream round trip', () => {
    const label = labelDecoder('SIH');
    const batches = [['03', '01'], ['99', '04', '05']].map((codes) => label(new RecordBatch({ RACA_COR: text(codes).data[0]! })));
    const back = tableFromIPC(tableToIPC(new Table(batches), 'stream'));
    expect([...(back.getChild('RACA_COR') ?? [])]).toEqual(['Parda', 'Branca', 'Sem informação', 'Amarela', 'Indígena']);
    expect(back.schema.fields[0]?.type).toBeInstanceOf(Dictionary);
  });
  it('a refreshed dictionary overrides the embedded one column by column', () => {
    const table = new Table({ SEXO: text(['1', '2']), RACACOR: text(['4']).concat(text(['4'])) });
    const dictionary = { system: 'SIM' as const, version: 'cnv', sources: ['test'], columns: { SEXO: { labels: { '1': 'Masc.', '2': 'Fem.' } } } };
    const { data } = decodeLabels(table, { system: 'SIM', dictionary });
    expect(column(data, 'SEXO')).toEqual(['Masc.', 'Fem.']);
    expect(column(data, 'RACACOR')).toEqual(['Parda', 'Parda']);
  });
});

describeShared('decodeLabels on real DataSUS files', () => {
  it('SIM DORR2013 (Roraima deaths, 2013)', async () => {
    const raw = await readTable(fixturePath('dbf/DORR2013.dbf'));
    const { data, unknown } = decodeLabels(raw, { system: 'SIM' });
    expectDecodedLikeLookup(raw, data, 'SIM', unknown);
    expect(data.numRows).toBe(1947);
    const race = column(data, 'RACACOR');
    expect(race.filter((v) => v === 'Parda')).toHaveLength(1050);
    expect(race.filter((v) => v === 'Indígena')).toHaveLength(341);
    expect(column(data, 'ATESTANTE').filter((v) => v === 'IML')).toHaveLength(404);
    // The one unknown: ESCMAE (mother's schooling in years, codes 1–5 and 9) holds 0 in 12 records.
    // 0 belongs to the 2010 schooling-level list (ESCMAE2010: "Sem escolaridade"), not to ESCMAE.
    expect(unknown).toEqual([{ column: 'ESCMAE', code: '0', count: 12 }]);
  });
  it('SIH RDRR0801 (Roraima admissions, 2008-01): padded codes, SIH race order, no unknown codes', async () => {
    const raw = await readTable(fixturePath('dbf/RDRR0801.dbf'));
    const { data, unknown } = decodeLabels(raw, { system: 'SIH' });
    expectDecodedLikeLookup(raw, data, 'SIH', unknown);
    expect(data.numRows).toBe(1475);
    const race = column(data, 'RACA_COR');
    expect(race.filter((v) => v === 'Parda')).toHaveLength(137); // "03" in the file
    expect(race.filter((v) => v === 'Sem informação')).toHaveLength(1302); // "99"
    expect(column(data, 'SEXO').filter((v) => v === 'Feminino')).toHaveLength(1092); // "3", the older female code
    expect(column(data, 'ESPEC').filter((v) => v === 'Obstétricos')).toHaveLength(652); // "02"
    expect(unknown).toEqual([]);
  });
  it('CNES-ST STPB1912 (Paraíba establishments, 2019-12)', async () => {
    const raw = await readTable(fixturePath('dbf/STPB1912.DBF'));
    const { data, unknown } = decodeLabels(raw, { system: 'CNES-ST' });
    expectDecodedLikeLookup(raw, data, 'CNES-ST', unknown);
    expect(data.numRows).toBe(6438);
    expect(column(data, 'TPGESTAO').every((v) => v === null || ['Dupla', 'Estadual', 'Municipal', 'Sem gestão'].includes(v))).toBe(true);
    expect(unknown).toEqual(CNES_ST_EXPECTED_UNKNOWN);
  });
});

describeShared('decodeLabels on real DBC files (decompressed with src/dbc)', () => {
  it('SINASC DNAC2010 (Acre births, 2010): every code labelled', async () => {
    const raw = await readTable(fixturePath('dbc/DNAC2010.DBC'));
    const { data, unknown } = decodeLabels(raw, { system: 'SINASC' });
    expect(data.numRows).toBe(16495);
    expectDecodedLikeLookup(raw, data, 'SINASC', unknown);
    expect(unknown).toEqual([]);
  });
  it('SINAN zika ZIKABR20 (national, 2020)', async () => {
    const raw = await readTable(fixturePath('dbc/ZIKABR20.dbc'));
    const { data, unknown } = decodeLabels(raw, { system: 'SINAN-ZIKA' });
    expect(data.numRows).toBe(20768);
    expectDecodedLikeLookup(raw, data, 'SINAN-ZIKA', unknown);
    expect(unknown).toEqual([
      // 0 is not a code of these items (1/2/3/8/9 lists): unfilled fields written as 0 by the notifying unit.
      { column: 'CLASSI_FIN', code: '0', count: 39 },
      // COUFINF should hold the IBGE UF code (11–53); 15 records carry the abbreviation instead. Reported,
      // not mapped: the dictionary decodes codes, and fixing data entry is the analyst's call.
      { column: 'COUFINF', code: 'ES', count: 14 },
      { column: 'COUFINF', code: 'BA', count: 1 },
      { column: 'CRITERIO', code: '0', count: 43 },
      { column: 'DOENCA_TRA', code: '0', count: 391 },
      { column: 'EVOLUCAO', code: '0', count: 93 },
    ]);
  });
  it('SIA-PA PAAP0607 (Amapá outpatient production, 2006-07, old layout) and CNES-PF PFRR0508', async () => {
    for (const [file, system, rows] of [['dbc/PAAP0607.dbc', 'SIA-PA', 6481], ['dbc/PFRR0508.dbc', 'CNES-PF', 4348]] as const) {
      const raw = await readTable(fixturePath(file));
      const { data, unknown } = decodeLabels(raw, { system });
      expect(data.numRows).toBe(rows);
      expectDecodedLikeLookup(raw, data, system, unknown);
      expect(unknown).toEqual([]);
    }
  });
});

/**
 * Codes in STPB1912 outside the embedded CNES-ST lists, each explained.
 */
const CNES_ST_EXPECTED_UNKNOWN: readonly { column: string; code: string; count: number }[] = [
  // TP_PREST (provider type: 20–80) holds 99 in all 6,438 records of this 2019 file: a filler outside
  // the code list, so it is reported rather than given a guessed label.
  { column: 'TP_PREST', code: '99', count: 6438 },
];
