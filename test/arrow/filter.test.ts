import { Data, DateDay, Field, Float64, Int32, Int64, RecordBatch, Schema, Struct, Utf8, vectorFromArray } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterBatch, predicateFields } from '../../src/arrow/filter.js';
import { takeRows } from '../../src/arrow/take.js';
import { evaluatePredicate } from '../../src/dbf/predicate-eval.js';
import { parsePredicate } from '../../src/dbf/predicate-parse.js';
import type { Predicate } from '../../src/dbf/predicate.js';
import { and, between, eq, ge, isIn, isNull, lt, ne, not, or, startsWith } from '../../src/dbf/predicate.js';

const fields = [new Field('S', new Utf8(), true), new Field('N', new Int32(), true), new Field('F', new Float64(), true), new Field('D', new DateDay(), true), new Field('L', new Int64(), true)];
const schema = new Schema(fields);
type Row = { S: string | null; N: number | null; F: number | null; D: Date | null; L: bigint | null };

function batchOf(rows: Row[]): RecordBatch {
  const columns = fields.map((field) => vectorFromArray(rows.map((row) => row[field.name as keyof Row]), field.type).data[0]!);
  return new RecordBatch(schema, new Data(new Struct(fields), 0, rows.length, 0, undefined, columns));
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  S: fc.option(fc.constantFrom('35', '350000', '3500', '33', 'A', 'ab', 'São', ''), { nil: null }),
  N: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
  F: fc.option(fc.constantFrom(-1.5, 0, 0.25, 2, 1e9), { nil: null }),
  D: fc.option(fc.integer({ min: 18990, max: 19010 }).map((day) => new Date(day * 86_400_000)), { nil: null }),
  L: fc.option(fc.bigInt({ min: -3n, max: 3n }), { nil: null }),
});
const text = fc.constantFrom('35', '350000', '3500', 'A', 'ab', 'São', '35  ');
const leaf: fc.Arbitrary<Predicate> = fc.oneof(
  fc.tuple(text).map(([v]) => eq('S', v)),
  fc.tuple(fc.integer({ min: -5, max: 5 })).map(([v]) => ne('N', v)),
  fc.tuple(fc.integer({ min: -5, max: 5 })).map(([v]) => ge('L', v)),
  fc.tuple(fc.constantFrom(-1, 0, 0.25, 3)).map(([v]) => lt('F', v)),
  fc.tuple(fc.array(text, { minLength: 1, maxLength: 3 })).map(([v]) => isIn('S', v)),
  fc.tuple(fc.integer({ min: 18990, max: 19010 }), fc.integer({ min: 0, max: 10 })).map(([d, w]) =>
    between('D', new Date(d * 86_400_000).toISOString().slice(0, 10), new Date((d + w) * 86_400_000).toISOString().slice(0, 10)),
  ),
  fc.constantFrom('3', '35', 'S', '').map((p) => startsWith('S', p)),
  fc.constantFrom('S', 'N', 'D').map((c) => isNull(c)),
);
const predicateArb: fc.Arbitrary<Predicate> = fc.letrec<{ node: Predicate }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => and(a, b)),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => or(a, b)),
    tie('node').map((a) => not(a)),
  ),
})).node;

describe('filterBatch', () => {
  it('keeps exactly the rows the reference evaluator accepts (seeded property test)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), predicateArb, (rows, predicate) => {
        const batch = batchOf(rows);
        const kept = filterBatch(batch, predicate);
        const expected = rows.filter((row) => evaluatePredicate(predicate, { ...row, L: row.L }));
        const actual = kept.toArray().map((r) => r.toJSON() as Record<string, unknown>);
        expect(actual.map((r) => [r['S'], r['N'], r['F'], r['L']])).toEqual(expected.map((r) => [r.S, r.N, r.F, r.L]));
        expect(actual.map((r) => (r['D'] === null ? null : Number(r['D'])))).toEqual(expected.map((r) => (r.D === null ? null : r.D.getTime())));
      }),
      { seed: 20260430, numRuns: 500 },
    );
  });

  it('parses text filters and names the columns it reads', () => {
    const batch = batchOf([
      { S: '350000', N: 1, F: 0, D: null, L: 1n },
      { S: '330000', N: 2, F: 0, D: null, L: 2n },
    ]);
    const predicate = parsePredicate("s IN ('350000') OR n >= 2");
    expect(predicateFields(predicate, schema)).toEqual(['S', 'N']);
    expect(filterBatch(batch, predicate).numRows).toBe(2);
    expect(filterBatch(batch, parsePredicate("S = '350000'")).getChild('N')!.get(0)).toBe(1);
  });
});

describe('takeRows', () => {
  it('copies selected rows of every type, keeping nulls, in the given order', () => {
    const batch = batchOf([
      { S: 'a', N: 1, F: 0.5, D: new Date(0), L: 10n },
      { S: null, N: null, F: null, D: null, L: null },
      { S: 'ção', N: 3, F: -1, D: new Date(86_400_000), L: -5n },
    ]);
    const taken = takeRows(batch, Int32Array.of(2, 1, 0, 2));
    expect(taken.toArray().map((r) => r.toJSON())).toEqual([
      { S: 'ção', N: 3, F: -1, D: 86_400_000, L: -5n },
      { S: null, N: null, F: null, D: null, L: null },
      { S: 'a', N: 1, F: 0.5, D: 0, L: 10n },
      { S: 'ção', N: 3, F: -1, D: 86_400_000, L: -5n },
    ]);
    expect(taken.getChild('S')!.nullCount).toBe(1);
  });
});
