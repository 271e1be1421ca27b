/**
 * The reader on the real DBF files of ../shared: one generated test per file in the MANIFEST,
 * golden CSV exports from an independent reader, and a cell-by-cell cross-check with Python's
 * dbfread when it is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { evaluatePredicate, parseDbfHeader, parsePredicate } from '../../src/dbf/index.js';
import { describeShared, fixturePath, readManifest } from '../helpers/shared.js';
import { expectCode, readAll, type Row } from './helpers.js';

const manifest = readManifest();
const dbfRows = manifest.filter((row) => row.kind === 'DBF');

/** Deleted records counted straight from the bytes (independently of the decoder). */
function countDeleted(bytes: Uint8Array, headerLength: number, recordLength: number, records: number): number {
  let deleted = 0;
  for (let r = 0; r < records; r++) if (bytes[headerLength + r * recordLength] === 0x2a) deleted++;
  return deleted;
}

describeShared('every real DBF in the MANIFEST', () => {
  it('lists the 63 DBF fixtures', () => {
    expect(dbfRows.length).toBe(63);
  });

  for (const entry of dbfRows) {
    it(`${entry.path}: ${entry.nrec} records decode with the header's schema`, async () => {
      const bytes = new Uint8Array(readFileSync(fixturePath(entry.path)));
      const header = parseDbfHeader(bytes);
      expect([header.recordCount, header.headerLength, header.recordLength]).toEqual([entry.nrec, entry.hdrlen, entry.reclen]);
      const deleted = countDeleted(bytes, header.headerLength, header.recordLength, header.recordCount);

      const { batches, schema, stats } = await readAll(bytes);
      expect(schema.fields.map((f) => f.name)).toEqual(header.fields.map((f) => f.name));
      expect(schema.fields.map((f) => f.metadata.get('dbf.type'))).toEqual(header.fields.map((f) => f.type));
      expect(stats.rowsEmitted).toBe(header.recordCount - deleted);
      for (const batch of batches) {
        expect(batch.numCols).toBe(header.fields.length);
        for (let c = 0; c < batch.numCols; c++) expect(batch.getChildAt(c)?.length).toBe(batch.numRows);
      }
      const kept = await readAll(bytes, { includeDeleted: true, columns: [header.fields[0]?.name ?? ''] });
      expect(kept.stats.rowsEmitted).toBe(entry.nrec);
    });
  }

  it('bad/invalid.dbf (29 bytes of text) fails with DBF_INVALID_HEADER', async () => {
    await expectCode(() => readAll(new Uint8Array(readFileSync(fixturePath('bad/invalid.dbf')))), 'DBF_INVALID_HEADER');
  });
});

/** RFC 4180 CSV, keeping whether each cell was quoted (the export quotes text, not numbers). */
function parseCsv(text: string): { value: string; quoted: boolean }[][] {
  const rows: { value: string; quoted: boolean }[][] = [];
  let row: { value: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          value += text[i++];
        }
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    }
    row.push({ value, quoted });
    if (text[i] === ',') {
      i++;
    } else {
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

/**
 * Our decoded value in the golden export's conventions: text quoted as-is (a blank field, our
 * null, is ""), numbers unquoted (a null number is `nan`), dates quoted as YYYY-MM-DD (a null
 * date is "").
 */
function asGolden(value: unknown, type: string): string {
  if (type === 'N' || type === 'F') return value === null ? 'nan' : String(value);
  if (type === 'D') return value === null ? '' : new Date(value as number).toISOString().slice(0, 10);
  return value === null ? '' : String(value);
}

describeShared('golden CSV exports (independent reader)', () => {
  for (const name of ['DIFTBR20', 'PAIRBR06', 'COLEBR15']) {
    it(`${name}: every cell equals the export`, async () => {
      const csv = parseCsv(readFileSync(fixturePath(`golden/${name}.csv`), 'latin1'));
      const [head, ...body] = csv;
      const bytes = new Uint8Array(readFileSync(fixturePath(`dbf/${name}.dbf`)));
      const header = parseDbfHeader(bytes);
      const { rows } = await readAll(bytes);
      expect(head?.map((c) => c.value)).toEqual(header.fields.map((f) => f.name));
      expect(rows.length).toBe(body.length);
      let cells = 0;
      body.forEach((line, r) => {
        header.fields.forEach((field, c) => {
          const cell = line[c];
          const numeric = field.type === 'N' || field.type === 'F';
          expect(cell?.quoted, `${name} row ${r} ${field.name} quoting`).toBe(!numeric);
          expect(asGolden(rows[r]?.[field.name], field.type), `${name} row ${r} ${field.name}`).toBe(cell?.value);
          cells++;
        });
      });
      expect(cells).toBe(body.length * header.fields.length);
    });
  }
});

// dbfread (Python) is an independent DBF reader; it is used here when installed (see .ci/requirements.txt).
const DBFREAD = `
import sys, json, datetime, dbfread
table = dbfread.DBF(sys.argv[1], encoding='latin1', char_decode_errors='strict')
def cell(v):
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()[:10]
    return v
print(json.dumps([[cell(v) for v in record.values()] for record in table]))
`;
const hasDbfread = spawnSync('python3', ['-c', 'import dbfread'], { stdio: 'ignore' }).status === 0;
if (!hasDbfread) console.warn('[arrow-sus tests] skipping the dbfread cross-check: python3 with dbfread is not installed');

/** Our value in dbfread's conventions: blank text is '' (ours: null), dates are ISO strings, integers are numbers. */
function asDbfread(value: unknown, type: string): unknown {
  if (value === null) return type === 'C' ? '' : null;
  if (type === 'D') return new Date(value as number).toISOString().slice(0, 10);
  if (typeof value === 'bigint') return Number(value);
  return value;
}

const CROSS_CHECK = [
  'dbf/DIFTBR20.dbf', // SINAN: dates, numbers, text
  'dbf/CBO_02.dbf', // header one byte longer than its fields
  'dbf/GESTAO.dbf', // no 0x1A end byte
  // (CNES ST files, whose field list ends with 0x00, are not here: dbfread cannot open them)
  'dbf/DORR2013.dbf', // SIM DO, 77 columns
  'dbf/RCSP1912.dbf', // CNES RC
  'dbf/CADMUN.DBF', // territorial table, Latin-1 names
  'dbf/RDRR0801.dbf', // SIH RD
  'dbf/storm.dbf', // dates and 19-digit decimals
  'dbf/sids.dbf', // Int64-wide integers and decimals
  'dbf/testTypes.dbf', // F and L fields
];

describeShared('cross-check with dbfread', () => {
  for (const path of CROSS_CHECK) {
    it.skipIf(!hasDbfread)(`${path}: every cell equals dbfread's`, async () => {
      const file = fixturePath(path);
      const theirs = JSON.parse(execFileSync('python3', ['-c', DBFREAD, file], { encoding: 'utf8', maxBuffer: 1 << 28 })) as unknown[][];
      const bytes = new Uint8Array(readFileSync(file));
      const header = parseDbfHeader(bytes);
      const { rows } = await readAll(bytes);
      expect(rows.length).toBe(theirs.length);
      let mismatches = 0;
      const examples: string[] = [];
      rows.forEach((row: Row, r) => {
        header.fields.forEach((field, c) => {
          const ours = asDbfread(row[field.name], field.type);
          const expected = theirs[r]?.[c];
          if (!Object.is(ours, expected) && ours !== expected) {
            mismatches++;
            if (examples.length < 5) examples.push(`row ${r} ${field.name}: ours ${String(ours)} dbfread ${String(expected)}`);
          }
        });
      });
      expect(examples).toEqual([]);
      expect(mismatches).toBe(0);
    });
  }
});

describeShared('raw-byte filters on real files equal filtering the decoded rows', () => {
  const cases: [string, string][] = [
    ['dbf/DORR2013.dbf', "SEXO = '1' AND IDADE >= '460'"],
    ['dbf/DORR2013.dbf', "CAUSABAS LIKE 'I2%' OR CAUSABAS IN ('R99', 'X954') OR NOT LOCOCOR IN ('1', '3')"],
    ['dbf/DORR2013.dbf', "DTOBITO BETWEEN '01012013' AND '31122013' AND CODMUNRES <> '140010'"],
    ['dbf/RDRR0801.dbf', 'VAL_TOT > 500.5 AND DIAS_PERM <= 3'],
    ['dbf/RDRR0801.dbf', "MUNIC_RES = '140010' AND (IDADE < 5 OR IDADE > 60) AND DIAG_SECUN IS NOT NULL"],
    ['dbf/DIFTBR20.dbf', "DT_NOTIFIC >= '2020-03-01' AND NU_IDADE_N BETWEEN 4000 AND 4030 OR DT_OBITO IS NOT NULL"],
    ['dbf/CADMUN.DBF', "UFCOD = '35' AND MUNNOMEX LIKE 'SAO %'"],
  ];
  for (const [path, where] of cases) {
    it(`${path}: ${where}`, async () => {
      const bytes = new Uint8Array(readFileSync(fixturePath(path)));
      const header = parseDbfHeader(bytes);
      const dateColumns = header.fields.filter((f) => f.type === 'D').map((f) => f.name);
      const all = await readAll(bytes);
      const predicate = parsePredicate(where);
      const expected = all.rows.filter((row) => evaluatePredicate(predicate, row, { dateColumns }));
      const filtered = await readAll(bytes, { where });
      expect(filtered.rows.length).toBe(expected.length);
      expect(filtered.rows).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.rows.length);
    });
  }
});

describeShared("encoding: 'auto' on real tables", () => {
  // Each code page checked by eye on the decoded names; the header byte would have chosen wrong for
  // HABILITA (0x00) and VINCULO (0x58).
  const cases: [string, 'latin1' | 'cp850', string, string][] = [
    ['dbf/CADMUN.DBF', 'cp850', 'MUNNOME', 'Santa Cruz da Conceição'],
    ['dbf/HABILITA.dbf', 'cp850', '', 'ASSISTÊNCIA'],
    ['dbf/TB_SIGTAP.dbf', 'latin1', 'DS_REGRA', 'ORIENTAÇÃO EM GRUPO'],
    ['dbf/CID10.DBF', 'latin1', '', 'Síndrome'],
    ['dbf/S_CLASSEN.dbf', 'latin1', '', 'ATENÇÃO'],
  ];
  for (const [path, encoding, column, text] of cases) {
    it(`${path} is ${encoding}`, async () => {
      const { stats, rows } = await readAll(new Uint8Array(readFileSync(fixturePath(path))), { encoding: 'auto' });
      expect(stats.encoding).toBe(encoding);
      const cells = rows.flatMap((row) => (column === '' ? Object.values(row) : [row[column]]));
      expect(cells.some((cell) => typeof cell === 'string' && cell.includes(text))).toBe(true);
    });
  }
});
