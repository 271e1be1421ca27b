import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  and,
  between,
  compilePredicate,
  encodeDbf,
  eq,
  evaluatePredicate,
  formatPredicate,
  ge,
  gt,
  isIn,
  isNull,
  le,
  lt,
  ne,
  not,
  or,
  parseDbfHeader,
  parsePredicate,
  predicateColumns,
  startsWith,
  type DbfFieldSpec,
  type DbfValue,
  type Predicate,
  type PredicateLiteral,
} from '../../src/dbf/index.js';
import { expectCode, readAll } from './helpers.js';

describe('parsePredicate', () => {
  it('parses the documented syntax into builder trees', () => {
    expect(parsePredicate("UF_ZI IN ('350000','330000') AND (IDADE >= '400' OR SEXO = '1')")).toEqual(
      and(isIn('UF_ZI', ['350000', '330000']), or(ge('IDADE', '400'), eq('SEXO', '1'))),
    );
    expect(parsePredicate("a <> 1 or b != -2.5 and not c < 'x'")).toEqual(or(ne('a', 1), and(ne('b', -2.5), not(lt('c', 'x')))));
    expect(parsePredicate("d BETWEEN '2020-01-01' AND '2020-12-31'")).toEqual(between('d', '2020-01-01', '2020-12-31'));
    expect(parsePredicate("cid LIKE 'I2%' AND startsWith(proc, '03') AND x NOT LIKE 'ab'")).toEqual(
      and(startsWith('cid', 'I2'), startsWith('proc', '03'), not(eq('x', 'ab'))),
    );
    expect(parsePredicate('a IS NULL OR b IS NOT NULL')).toEqual(or(isNull('a'), not(isNull('b'))));
    expect(parsePredicate("a NOT IN (1, 2) AND b NOT BETWEEN 1 AND 2 AND c <= 3 AND d > 4")).toEqual(
      and(not(isIn('a', [1, 2])), not(between('b', 1, 2)), le('c', 3), gt('d', 4)),
    );
    expect(parsePredicate("\"and\" = 'it''s' AND ok = TRUE")).toEqual(and(eq('and', "it's"), eq('ok', true)));
    expect(parsePredicate('TRUE')).toEqual(and());
    expect(parsePredicate('false')).toEqual(or());
  });

  it('reports PREDICATE_INVALID with the position of the offending token', async () => {
    const cases: [string, number][] = [
      ['', 0],
      ["UF = '35", 5],
      ['UF = ', 5],
      ["UF == '1'", 4],
      ["UF = '1' AND", 12],
      ["(UF = '1'", 9],
      ["UF IN ()", 7],
      ["UF LIKE '%35'", 8],
      ["UF LIKE 'a_b%'", 8],
      ['UF # 1', 3],
      ["AND = '1'", 0],
      ["UF = '1' UF", 9],
    ];
    for (const [text, position] of cases) {
      const error = await expectCode(() => parsePredicate(text), 'PREDICATE_INVALID');
      expect(error.details['position'], text).toBe(position);
    }
  });

  it('round-trips formatPredicate for any predicate', () => {
    fc.assert(
      fc.property(predicateArbitrary, (predicate) => {
        expect(parsePredicate(formatPredicate(predicate))).toEqual(predicate);
      }),
      { seed: 20260514, numRuns: 300 },
    );
  });

  it('lists the columns a predicate reads', () => {
    expect(predicateColumns(parsePredicate("a = 1 AND (b = 2 OR NOT a = 3) AND c IS NULL"))).toEqual(['a', 'b', 'c']);
  });
});

// A table exercising every comparable type, with blanks and unparsable cells.
const FIELDS: DbfFieldSpec[] = [
  { name: 'TXT', type: 'C', length: 4 },
  { name: 'INT', type: 'N', length: 4 },
  { name: 'DEC', type: 'N', length: 7, decimals: 2 },
  { name: 'DT', type: 'D' },
  { name: 'OK', type: 'L' },
];
// Values and literals come from small shared pools, so equal and adjacent values are common.
const textValue = fc.stringMatching(/^[Aaé0 ]{0,3}$/);
const textLiteral = fc.oneof(fc.stringMatching(/^[Aaé0 ]{0,4}$/), fc.integer({ min: 0, max: 9 }));
const intLiteral = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom('7', ' 12 ', '-3', '1e1'));
const decLiteral = fc.oneof(fc.constantFrom(-1.5, 0, 0.25, 3, 12.75, 99.99), fc.integer({ min: -5, max: 20 }));
const DATES = ['1999-12-31', '2020-01-01', '2020-02-29', '2021-06-15'];
const dateLiteral = fc.constantFrom(...DATES, '20200101');
const rowArbitrary = fc.tuple(
  fc.oneof(textValue, fc.constant(null)),
  fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constant(null), fc.constantFrom('x1', '1.5', '  ', -999)),
  fc.oneof(fc.constantFrom(-1.5, 0, 0.25, 3, 12.75, 99.99, 1234.5), fc.constant(null), fc.constant('1.2.3')),
  fc.oneof(fc.constantFrom(...DATES.map((d) => d.replaceAll('-', '')), '20201301', '00000000'), fc.constant(null)),
  fc.oneof(fc.boolean(), fc.constant(null), fc.constant('X')),
);

const op = fc.constantFrom('=', '<>', '<', '<=', '>', '>=') as fc.Arbitrary<'=' | '<>' | '<' | '<=' | '>' | '>='>;
function leafFor(column: string, literal: fc.Arbitrary<PredicateLiteral>, ordered = true): fc.Arbitrary<Predicate> {
  const options: fc.Arbitrary<Predicate>[] = [
    fc.tuple(ordered ? op : fc.constantFrom('=' as const, '<>' as const), literal).map(([o, v]) => Object.freeze({ kind: 'compare' as const, column, op: o, value: v })),
    fc.array(literal, { minLength: 1, maxLength: 3 }).map((values) => isIn(column, values)),
    fc.constant(isNull(column)),
  ];
  if (ordered) options.push(fc.tuple(literal, literal).map(([a, b]) => between(column, a, b)));
  return fc.oneof(...options);
}
const leaf = fc.oneof(
  leafFor('TXT', textLiteral),
  fc.stringMatching(/^[Aaé0 %_]{0,3}$/).map((p) => startsWith('TXT', p)),
  leafFor('int', intLiteral),
  leafFor('DEC', decLiteral),
  leafFor('dt', dateLiteral),
  leafFor('OK', fc.boolean(), false),
);
const predicateArbitrary: fc.Arbitrary<Predicate> = fc.letrec<{ node: Predicate }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((args) => and(...args)),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((args) => or(...args)),
    tie('node').map((arg) => not(arg)),
  ),
})).node;

describe('predicates on raw bytes', () => {
  it('keep exactly the rows where the predicate holds on decoded values (property)', async () => {
    let partial = 0; // runs where the filter kept some rows but not all: the property is not vacuous
    await fc.assert(
      fc.asyncProperty(fc.array(rowArbitrary, { minLength: 1, maxLength: 25 }), predicateArbitrary, async (rows, predicate) => {
        const bytes = encodeDbf(FIELDS, rows as DbfValue[][]);
        const all = await readAll(bytes);
        const expected = all.rows.filter((row) => evaluatePredicate(predicate, row, { dateColumns: ['DT'] }));
        const filtered = await readAll(bytes, { where: predicate });
        expect(filtered.rows).toEqual(expected);
        expect(filtered.stats.rowsFiltered).toBe(rows.length - expected.length);
        if (expected.length > 0 && expected.length < rows.length) partial++;
      }),
      { seed: 4242, numRuns: 400 },
    );
    expect(partial).toBeGreaterThan(100);
  });

  it('filter the same with the parsed text form', async () => {
    const rows: DbfValue[][] = [
      ['SP', 10, 1.5, '20200101', true],
      ['RJ', 400, null, '20211231', false],
      ['SP  ', 401, 2, null, null],
      [null, null, 3, '20200615', true],
    ];
    const bytes = encodeDbf(FIELDS, rows);
    const keep = async (where: string): Promise<unknown[]> => (await readAll(bytes, { where, columns: ['INT'] })).rows.map((r) => r['INT']);
    expect(await keep("txt = 'SP'")).toEqual([10, 401]);
    expect(await keep("TXT = 'SP ' AND INT >= 400")).toEqual([401]);
    expect(await keep("NOT TXT = 'SP'")).toEqual([400]); // null TXT is unknown, so NOT keeps it out
    expect(await keep('TXT IS NULL OR DEC > 2.5')).toEqual([null]);
    expect(await keep("DT BETWEEN '2020-01-01' AND '20200630'")).toEqual([10, null]);
    expect(await keep("DT < '2021-01-01' AND OK = TRUE")).toEqual([10, null]);
    expect(await keep("TXT LIKE 'S%' OR INT IN (400, '7')")).toEqual([10, 400, 401]);
    expect(await keep('INT > 100')).toEqual([400, 401]);
  });

  it('decode only projected columns: predicate-only columns stay out of the schema and stats', async () => {
    const bytes = encodeDbf(FIELDS, [['SP', 'x', 1, null, null], ['RJ', 5, 2, null, null]]);
    const { schema, stats, rows } = await readAll(bytes, { columns: ['DEC'], where: "TXT = 'SP'" });
    expect(schema.fields.map((f) => f.name)).toEqual(['DEC']);
    expect(rows).toEqual([{ DEC: 1 }]);
    expect(stats.unparsable).toEqual({ DEC: 0 });
  });

  it('reject literals that do not fit the column, and unknown columns', async () => {
    const header = parseDbfHeader(encodeDbf([...FIELDS, { name: 'MEMO', type: 'M', length: 10 }], []));
    for (const bad of ["INT = 'abc'", "DT = '2020-02-30'", "DT = 'soon'", 'OK < TRUE', "OK = 'maybe'", "INT LIKE '1%'", "MEMO = 'x'", 'TXT = TRUE']) {
      await expectCode(() => compilePredicate(parsePredicate(bad), header), 'PREDICATE_INVALID');
    }
    await expectCode(() => compilePredicate(eq('TXT', '€'), header), 'PREDICATE_INVALID');
    expect(compilePredicate(eq('TXT', '€'), header, { encoding: 'cp1252' })).toBeTypeOf('function');
    await expectCode(() => compilePredicate(eq('NOPE', 1), header), 'DBF_UNKNOWN_COLUMN');
    await expectCode(() => readAll(encodeDbf(FIELDS, []), { where: 'NOPE = 1' }), 'DBF_UNKNOWN_COLUMN');
    await expectCode(() => readAll(encodeDbf(FIELDS, []), { where: 'INT = ' }), 'PREDICATE_INVALID');
  });

  it('compare cp850 text in the file encoding', async () => {
    const bytes = encodeDbf([{ name: 'T', type: 'C', length: 6 }], [['RECÉM'], ['RECEM']], { encoding: 'cp850' });
    expect((await readAll(bytes, { encoding: 'cp850', where: "T = 'RECÉM'" })).rows).toEqual([{ T: 'RECÉM' }]);
    expect((await readAll(bytes, { encoding: 'cp850', where: "T LIKE 'RECÉ%'" })).rows).toEqual([{ T: 'RECÉM' }]);
    expect((await readAll(bytes, { encoding: 'latin1', where: "T = 'RECÉM'" })).rows).toEqual([]);
  });
});
