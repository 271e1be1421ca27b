/**
 * The TypeScript Parquet encoder (`encodeParquet`) checked against independent readers: arrow-rs
 * (parquet-wasm, through the cache's `readParquet`), pyarrow (values, schema, statistics) and
 * DuckDB, on seeded data full of edge values, with page / dictionary / row-group limits small
 * enough that every chunk has many pages and falls back from dictionary to PLAIN midway.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Binary, Bool, DateDay, Decimal, Dictionary, Field, Float32, Float64, Int16, Int32, Int64, Int8,
  RecordBatch, Schema, Struct, Table, Uint16, Uint32, Uint8, Utf8, makeData, tableFromIPC, tableToIPC, vectorFromArray,
  type DataType,
} from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readParquet, readParquetSchema } from '../../../src/cache/read-parquet.js';
import { canJoinParquet, joinParquetParts, readParquetPart, readParquetParts } from '../../../src/output/parquet-concat.js';
import { batchesToParquet } from '../../../src/output/parquet.js';
import { canEncodeParquet, encodeParquet, type EncodeParquetOptions } from '../../../src/output/parquet-writer/file-writer.js';
import type { ThriftList, ThriftStruct, ThriftValue } from '../../../src/output/thrift-compact.js';
import { pythonHas } from '../../helpers/python.js';
import { codeOfAsync, collectBuffer } from '../../helpers/streams.js';

// ---- seeded data -------------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so every run encodes the same bytes. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
type Rng = () => number;
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const DAY = 86_400_000;
// The dictionary hashes only the length and 16 bytes at each end of long strings: these share
// both ends and the length, and differ only in the middle (every one collides).
const HEAD = '0123456789abcdef';
const TAIL = 'FEDCBA9876543210';
const COLLIDING = Array.from({ length: 6 }, (_, k) => `${HEAD}m${String(k).padStart(3, '0')}${TAIL}`);
// UTF-8 byte order differs from UTF-16 order: '😀' (f0 9f …) > 'Ａ' (ef bc a1), though 0xD83D < 0xFF21.
const STRINGS = ['', 'São Paulo', 'Ñ', 'ñ', '😀', 'Ａ', '🇧🇷 Brasília', 'a', 'A', 'x'.repeat(32), 'x'.repeat(33), 'São Paulo, 😀 '.repeat(4), ...COLLIDING];
const CHARS = ['A', 'b', 'ç', 'Ñ', ' ', '-', '😀', 'z'];

type Kind = 'str' | 'bin' | 'bool' | 'int' | 'float' | 'date';
type Canon = string | number | boolean | null;
interface Column {
  readonly field: Field;
  readonly kind: Kind;
  /** Values of the first rows of every generated batch, so each batch holds the edge cases. */
  readonly edges: readonly unknown[];
  readonly random: (r: Rng) => unknown;
  /** Share of nulls among the random values. */
  readonly nulls: number;
}
const column = (name: string, type: DataType, kind: Kind, edges: readonly unknown[], random: (r: Rng) => unknown, nulls = 0.15, nullable = true): Column =>
  ({ field: new Field(name, type, nullable), kind, edges, random, nulls });
const FLOATS = [-0, 0, NaN, Infinity, -Infinity, 1.5, -1.5];
const COLUMNS: readonly Column[] = [
  column('s', new Utf8(), 'str', [...STRINGS, null], (r) => (r() < 0.4 ? pick(r, STRINGS) : Array.from({ length: int(r, 0, 12) }, () => pick(r, CHARS)).join(''))),
  column('bin', new Binary(), 'bin', [new Uint8Array(0), Uint8Array.of(0), Uint8Array.of(0, 0), Uint8Array.of(255), null], (r) => Uint8Array.from({ length: int(r, 0, 40) }, () => int(r, 0, 255))),
  column('b', new Bool(), 'bool', [true, false, null], (r) => r() < 0.5, 0.2),
  column('i8', new Int8(), 'int', [-128, 127, 0, -1, null], (r) => int(r, -128, 127)),
  column('i16', new Int16(), 'int', [-32768, 32767, 0, null], (r) => int(r, -32768, 32767)),
  column('i32', new Int32(), 'int', [-(2 ** 31), 2 ** 31 - 1, 0, -1], (r) => int(r, -(2 ** 31), 2 ** 31 - 1), 0, false),
  // Low words 0xffffffff and 0x80000000 catch a signed comparison of the low half.
  column('i64', new Int64(), 'int', [-(2n ** 63n), 2n ** 63n - 1n, 2n ** 53n + 1n, -(2n ** 53n) - 3n, 0n, -1n, 2n ** 32n - 1n, 2n ** 31n, -(2n ** 32n), null],
    (r) => BigInt.asIntN(64, (BigInt(int(r, 0, 2 ** 32 - 1)) << 32n) | BigInt(int(r, 0, 2 ** 32 - 1)))),
  column('u8', new Uint8(), 'int', [0, 255, 128, null], (r) => int(r, 0, 255)),
  column('u16', new Uint16(), 'int', [0, 65535, 32768, null], (r) => int(r, 0, 65535)),
  column('f32', new Float32(), 'float', [...FLOATS, Math.fround(3.4e38), Math.fround(1e-45), null], (r) => (r() < 0.3 ? pick(r, FLOATS) : Math.fround((r() - 0.5) * 1e6))),
  column('f64', new Float64(), 'float', [...FLOATS, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 0.1, null], (r) => (r() < 0.3 ? pick(r, FLOATS) : (r() - 0.5) * 1e12)),
  column('d', new DateDay(), 'date', [0, -DAY, 19_000 * DAY, null], (r) => int(r, -30_000, 30_000) * DAY),
  // All null, and a non-ASCII name (schema elements and footer strings are UTF-8).
  column('nulo_ção', new Utf8(), 'str', [], () => null, 1),
];
const SCHEMA = new Schema(COLUMNS.map((c) => c.field));

/** A batch of SCHEMA from column arrays (missing columns are generated from `seed`). */
function makeBatch(seed: number, rows: number, overrides: Readonly<Record<string, readonly unknown[]>> = {}): RecordBatch {
  const r = prng(seed);
  const children = COLUMNS.map((c) => {
    const given = overrides[c.field.name];
    const values = Array.from({ length: rows }, (_, i) =>
      given !== undefined ? given[i % given.length] : i < c.edges.length ? c.edges[i] : r() < c.nulls ? null : c.random(r));
    return vectorFromArray(values, c.field.type).data[0]!;
  });
  return new RecordBatch(SCHEMA, makeData({ type: new Struct(SCHEMA.fields), length: rows, nullCount: 0, children }));
}

/** A value in a form comparable across readers (integers as decimal strings, bytes as hex, dates in days). */
function canon(kind: Kind, value: unknown): Canon {
  if (value === null || value === undefined) return null;
  if (kind === 'bin') return Buffer.from(value as Uint8Array).toString('hex');
  if (kind === 'int') return String(value as number | bigint);
  if (kind === 'date') return (value as number) / DAY;
  return value as Canon;
}

/** Every value of every column, read through apache-arrow (which applies slice offsets). */
function canonOf(batches: readonly RecordBatch[]): Record<string, Canon[]> {
  const out: Record<string, Canon[]> = {};
  for (const c of COLUMNS) {
    const values: Canon[] = (out[c.field.name] = []);
    for (const batch of batches) {
      const vector = batch.getChild(c.field.name)!;
      for (let i = 0; i < vector.length; i++) values.push(canon(c.kind, vector.get(i)));
    }
  }
  return out;
}

const describeSchema = (schema: Schema): string[] => schema.fields.map((f) => `${f.name}: ${String(f.type)}${f.nullable ? '' : ' not null'}`);

// ---- files -------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-pqw-'));
let files = 0;
async function toFile(bytes: AsyncIterable<Uint8Array> | Uint8Array): Promise<string> {
  const path = join(dir, `${files++}.parquet`);
  writeFileSync(path, bytes instanceof Uint8Array ? bytes : await collectBuffer(bytes));
  return path;
}
const encodeFile = (batches: readonly RecordBatch[], options: EncodeParquetOptions, schema = SCHEMA): Promise<string> => toFile(encodeParquet(batches, schema, options));

/** The same batches written by arrow-rs (parquet-wasm) with zstd, called directly: batchesToParquet would route zstd to our encoder. */
async function wasmFile(batches: readonly RecordBatch[], rowGroupRows: number): Promise<string> {
  const wasm = await import('parquet-wasm');
  const properties = new wasm.WriterPropertiesBuilder().setCompression(wasm.Compression.ZSTD).setMaxRowGroupSize(rowGroupRows)
    .setStatisticsEnabled(wasm.EnabledStatistics.Chunk).build();
  return toFile(wasm.writeParquet(wasm.Table.fromIPCStream(tableToIPC(new Table(SCHEMA, [...batches]), 'stream')), properties));
}

/** All batches of a file through the cache's reader (arrow-rs), and its schema (also for 0 rows). */
async function readBack(path: string): Promise<{ schema: string[]; rows: number; columns: Record<string, Canon[]> }> {
  const batches: RecordBatch[] = [];
  for await (const batch of readParquet(path)) batches.push(batch);
  const wasm = await import('parquet-wasm');
  const whole = tableFromIPC(wasm.readParquet(readFileSync(path)).intoIPCStream());
  return { schema: describeSchema(whole.schema), rows: batches.reduce((n, b) => n + b.numRows, 0), columns: canonOf(batches) };
}

/** Footer fields, read with the project's thrift reader: row-group sizes, codecs, data pages per encoding. */
const get = (s: ThriftValue | undefined, id: number): ThriftValue | undefined => (s as ThriftStruct).fields.get(id)?.value;
const items = (s: ThriftValue | undefined, id: number): ThriftValue[] => (get(s, id) as ThriftList | undefined)?.items ?? [];
async function footerOf(path: string): Promise<{ groupRows: number[]; codecs: Set<number>; chunks: { name: string; dictionaryPages: number; plainPages: number }[][] }> {
  const footer = (await readParquetPart(path)).footer;
  const groups = items(footer, 4);
  const metas = groups.map((g) => items(g, 1).map((chunk) => get(chunk, 3)));
  const pages = (meta: ThriftValue | undefined, encoding: number): number =>
    items(meta, 13).filter((s) => get(s, 1) === 0 && get(s, 2) === encoding).map((s) => get(s, 3) as number).reduce((n, k) => n + k, 0);
  return {
    groupRows: groups.map((g) => Number(get(g, 3))),
    codecs: new Set(metas.flat().map((meta) => get(meta, 4) as number)),
    chunks: metas.map((chunks) => chunks.map((meta) => ({ name: Buffer.from(items(meta, 3)[0] as Uint8Array).toString(), dictionaryPages: pages(meta, 8), plainPages: pages(meta, 0) }))),
  };
}

// Limits small enough for many pages per chunk and a dictionary fallback after the first pages.
const SMALL_LIMITS = { pageRows: 7, pageBytes: 64, dictionaryBytes: 64 };
const native = typeof (createRequire(import.meta.url)('node:zlib') as { zstdCompressSync?: unknown }).zstdCompressSync === 'function';
if (!native) console.warn('[arrow-sus tests] skipping the native-zstd Parquet round trip: this Node has no zlib.zstdCompressSync');
const hasPyarrow = pythonHas('pyarrow');
if (!hasPyarrow) console.warn('[arrow-sus tests] skipping the pyarrow checks of the TypeScript Parquet encoder: pyarrow is not importable (pip install pyarrow)');

const MAIN = [makeBatch(1, 700), makeBatch(2, 500), makeBatch(3, 300)];
const big = makeBatch(7, 400);
// Slices (Data.offset ≠ 0, bitmaps starting mid-byte), empty batches, and batches straddling groups.
const EDGE = [big.slice(3, 20), big.slice(5, 5), makeBatch(8, 90), big.slice(0, 0), big.slice(101, 358), makeBatch(9, 13)];

// ---- tests -------------------------------------------------------------------------------------

describe('encodeParquet round trip through arrow-rs (readParquet)', () => {
  const cases: [string, EncodeParquetOptions, number, boolean][] = [
    ['zstd (WebAssembly)', { compression: 'zstd', nativeZstd: false }, 6, true],
    ['zstd (node:zlib)', { compression: 'zstd', nativeZstd: true }, 6, native],
    ['gzip', { compression: 'gzip' }, 2, true],
    ['none', { compression: 'none' }, 0, true],
  ];
  for (const [name, options, codec, runs] of cases) {
    it.runIf(runs)(`${name}: every value, null and type comes back`, async () => {
      const path = await encodeFile(MAIN, { ...options, rowGroupRows: 1000 });
      const back = await readBack(path);
      expect(back.schema).toEqual(describeSchema(SCHEMA));
      expect(back.rows).toBe(1500);
      expect(back.columns).toEqual(canonOf(MAIN));
      const footer = await footerOf(path);
      expect(footer.groupRows).toEqual([1000, 500]);
      expect(footer.codecs).toEqual(new Set([codec]));
    });
  }
});

describe('the ARROW:schema footer entry', () => {
  it('is each file\'s own schema when schemas repeat or differ in one detail (encoded once per schema)', async () => {
    const variants = [
      new Schema([new Field('A', new Utf8(), true), new Field('B', new Int32(), true)]),
      new Schema([new Field('A', new Utf8(), true), new Field('B', new Int32(), true)]),
      new Schema([new Field('A', new Utf8(), false), new Field('B', new Int32(), true)]),
      new Schema([new Field('A', new Utf8(), true), new Field('B', new Int16(), true)]),
      new Schema([new Field('A', new Utf8(), true, new Map([['unit', 'days']])), new Field('B', new Int32(), true)]),
      new Schema([new Field('A', new Utf8(), true), new Field('B', new Int32(), true)], new Map([['source', 'x']])),
      new Schema([new Field('A', new Utf8(), true), new Field('C', new Int32(), true)]),
    ];
    for (const schema of variants) {
      const path = await toFile(encodeParquet([], schema, {}));
      const read = await readParquetSchema(path);
      expect(read.fields.map((f) => [f.name, f.nullable, String(f.type), [...f.metadata]])).toEqual(schema.fields.map((f) => [f.name, f.nullable, String(f.type), [...f.metadata]]));
      expect([...read.metadata]).toEqual([...schema.metadata]);
    }
  });
});

describe('pages and row groups', () => {
  it('many pages, dictionary → PLAIN midway, groups straddling sliced and empty batches', async () => {
    const path = await encodeFile(EDGE, { compression: 'zstd', nativeZstd: false, rowGroupRows: 45, limits: SMALL_LIMITS });
    const back = await readBack(path);
    expect(back.rows).toBe(17 + 90 + 257 + 13);
    expect(back.columns).toEqual(canonOf(EDGE));
    const footer = await footerOf(path);
    expect(footer.groupRows).toEqual([...Array<number>(8).fill(45), 17]);
    // The first group's chunks: ≥ ⌈45/7⌉ data pages, and the fallback really happened midway.
    for (const chunk of footer.chunks[0]!) expect(chunk.dictionaryPages + chunk.plainPages, chunk.name).toBeGreaterThanOrEqual(7);
    for (const name of ['s', 'bin', 'i32', 'i64', 'f64']) {
      const chunk = footer.chunks[0]!.find((c) => c.name === name)!;
      expect(chunk.dictionaryPages, name).toBeGreaterThan(0);
      expect(chunk.plainPages, name).toBeGreaterThan(0);
    }
  });

  it('no batches: a valid file with the schema and 0 rows', async () => {
    const back = await readBack(await encodeFile([], {}));
    expect(back).toEqual({ schema: describeSchema(SCHEMA), rows: 0, columns: canonOf([]) });
  });

  it('any slices, row-group sizes and limits round-trip (seeded property)', async () => {
    const codecs = ['zstd', 'gzip', 'none'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(399), fc.nat(80)), { maxLength: 5 }),
        fc.record({ rowGroupRows: fc.integer({ min: 1, max: 120 }), pageRows: fc.integer({ min: 1, max: 30 }), pageBytes: fc.integer({ min: 1, max: 300 }), dictionaryBytes: fc.integer({ min: 0, max: 300 }), codec: fc.nat(2) }),
        async (cuts, o) => {
          const batches = cuts.map(([start, length]) => big.slice(start, Math.min(400, start + length)));
          const path = await encodeFile(batches, { compression: codecs[o.codec]!, nativeZstd: false, rowGroupRows: o.rowGroupRows, limits: o });
          expect((await readBack(path)).columns).toEqual(canonOf(batches));
        },
      ),
      { seed: 20_240_601, numRuns: 40 },
    );
  });
});

/** Python reader: schema, values and per-chunk statistics, in the forms of `canon` (floats as repr). */
const PY_READ = `import pyarrow.parquet as pq, json, sys, datetime
def enc(v):
    if v is None or isinstance(v, (bool, str)): return v
    if isinstance(v, int): return str(v)
    if isinstance(v, float): return repr(v)
    if isinstance(v, bytes): return v.hex()
    if isinstance(v, datetime.date): return (v - datetime.date(1970, 1, 1)).days
    raise TypeError(type(v))
f = pq.ParquetFile(sys.argv[1]); t = f.read(); md = f.metadata
def stats(s): return [enc(s.min), enc(s.max), s.null_count] if s.has_min_max else [None, None, s.null_count]
print(json.dumps({"schema": [[x.name, str(x.type), x.nullable] for x in t.schema],
  "columns": {n: [enc(v) for v in t.column(n).to_pylist()] for n in t.column_names},
  "stats": [[stats(md.row_group(g).column(c).statistics) for c in range(md.num_columns)] for g in range(md.num_row_groups)]}))`;
interface PyRead { schema: [string, string, boolean][]; columns: Record<string, Canon[]>; stats: [Canon, Canon, number][][] }
const fromRepr = (v: Canon): Canon => (typeof v !== 'string' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v));
function pyRead(path: string): PyRead {
  const result = JSON.parse(execFileSync('python3', ['-c', PY_READ, path], { encoding: 'utf8', maxBuffer: 1 << 26 })) as PyRead;
  COLUMNS.forEach((c, i) => {
    if (c.kind !== 'float') return;
    result.columns[c.field.name] = result.columns[c.field.name]!.map(fromRepr);
    for (const group of result.stats) group[i] = [fromRepr(group[i]![0]), fromRepr(group[i]![1]), group[i]![2]];
  });
  return result;
}

/** What a chunk's statistics must say: Parquet's orders (UTF-8 bytes unsigned; floats without NaN, zero min −0, zero max +0). */
function trueStats(kind: Kind, values: readonly Canon[]): [Canon, Canon, number] {
  const present = values.filter((v) => v !== null && !(typeof v === 'number' && Number.isNaN(v)));
  const order = (a: Canon, b: Canon): number =>
    kind === 'str' ? Buffer.compare(Buffer.from(a as string), Buffer.from(b as string))
    : kind === 'bin' ? Buffer.compare(Buffer.from(a as string, 'hex'), Buffer.from(b as string, 'hex'))
    : kind === 'int' ? (BigInt(a as string) < BigInt(b as string) ? -1 : BigInt(a as string) > BigInt(b as string) ? 1 : 0)
    : Number(a) - Number(b);
  const nulls = values.length - values.filter((v) => v !== null).length;
  if (present.length === 0) return [null, null, nulls];
  const sorted = present.sort(order);
  const [min, max] = [sorted[0]!, sorted[sorted.length - 1]!];
  return kind === 'float' ? [min === 0 ? -0 : min, max === 0 ? 0 : max, nulls] : [min, max, nulls];
}

describe.runIf(hasPyarrow)('read by pyarrow', () => {
  // Two extra groups pin the statistics' corner cases: a zero float minimum (-0.0) and maximum
  // (+0.0, though only -0 was written), all-NaN floats (no min/max), '' as both ends, and int64
  // extremes decided by the low word alone (0xffffffff vs 5 under equal high words).
  const zeros = makeBatch(12, 50, { f32: [-0, -1, NaN, null], f64: [0, NaN, 2.5, -0] });
  const flat = makeBatch(13, 50, { f32: [NaN], f64: [null], s: [''], b: [true], i64: [2n ** 32n - 1n, 5n, -1n, -(2n ** 32n) + 5n, null] });
  const batches = [makeBatch(11, 150), zeros, flat];

  it('values, Arrow schema and every chunk\'s min / max / null count', async () => {
    const path = await encodeFile(batches, { rowGroupRows: 50, limits: SMALL_LIMITS });
    const result = pyRead(path);
    expect(result.schema).toEqual([
      ['s', 'string', true], ['bin', 'binary', true], ['b', 'bool', true], ['i8', 'int8', true], ['i16', 'int16', true], ['i32', 'int32', false],
      ['i64', 'int64', true], ['u8', 'uint8', true], ['u16', 'uint16', true], ['f32', 'float', true], ['f64', 'double', true],
      ['d', 'date32[day]', true], ['nulo_ção', 'string', true],
    ]);
    const expected = canonOf(batches);
    expect(result.columns).toEqual(expected);
    expect(result.stats).toHaveLength(5);
    result.stats.forEach((group, g) => {
      const want = COLUMNS.map((c) => trueStats(c.kind, expected[c.field.name]!.slice(g * 50, g * 50 + 50)));
      expect(group, `row group ${g}`).toEqual(want);
    });
    // The corner cases were really exercised.
    expect(result.stats[3]![COLUMNS.findIndex((c) => c.field.name === 'f64')]!.slice(0, 2)).toEqual([-0, 2.5]);
    expect(result.stats[4]![COLUMNS.findIndex((c) => c.field.name === 'f32')]!.slice(0, 2)).toEqual([null, null]);
  });

  it('equals the table parquet-wasm writes for the same batches', async () => {
    const ours = await encodeFile(EDGE, { rowGroupRows: 45, limits: SMALL_LIMITS });
    const theirs = await wasmFile(EDGE, 45);
    // Table.equals treats NaN as unequal to itself: floats are compared by repr instead.
    const script = `import pyarrow.parquet as pq, sys, json
a, b = pq.read_table(sys.argv[1]), pq.read_table(sys.argv[2]); F = ["f32", "f64"]
print(json.dumps([a.schema.equals(b.schema), a.drop_columns(F).equals(b.drop_columns(F)), all([repr(x) for x in a[n].to_pylist()] == [repr(x) for x in b[n].to_pylist()] for n in F), a.num_rows]))`;
    expect(JSON.parse(execFileSync('python3', ['-c', script, ours, theirs], { encoding: 'utf8' }))).toEqual([true, true, true, 377]);
  });

  it('reads a file of no batches with its schema', async () => {
    const result = pyRead(await encodeFile([], {}));
    expect(result.schema.map(([name]) => name)).toEqual(COLUMNS.map((c) => c.field.name));
    expect(result.columns['s']).toEqual([]);
  });
});

describe('read by DuckDB', () => {
  it('count, count(col), min and max match the data', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const iso = (days: Canon): Canon => (days === null ? null : new Date((days as number) * DAY).toISOString().slice(0, 10));
    try {
      for (const [batches, options] of [[MAIN, { rowGroupRows: 1000 }], [EDGE, { rowGroupRows: 45, limits: SMALL_LIMITS }]] as const) {
        const path = await encodeFile(batches, options);
        const expected = canonOf(batches);
        for (const name of ['s', 'b', 'i8', 'i32', 'i64', 'u16', 'd', 'nulo_ção']) {
          const c = COLUMNS.find((x) => x.field.name === name)!;
          const sql = `SELECT count(*)::INTEGER, count("${name}")::INTEGER, min("${name}")::VARCHAR, max("${name}")::VARCHAR FROM read_parquet('${path}')`;
          const [min, max, nulls] = trueStats(c.kind, expected[name]!);
          const text = (v: Canon): Canon => (v === null ? null : c.kind === 'date' ? iso(v) : String(v));
          const rows = expected[name]!.length;
          expect((await connection.runAndReadAll(sql)).getRows()[0], name).toEqual([rows, rows - nulls, text(min), text(max)]);
        }
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('joining with parquet-wasm files', () => {
  it('has the same Parquet schema as arrow-rs writes, so the files join and read back whole', async () => {
    const ours = await encodeFile(MAIN, { rowGroupRows: 1000 });
    const theirs = await wasmFile(EDGE, 100);
    const parts = await readParquetParts([ours, theirs]);
    expect(canJoinParquet(parts)).toBe(true);
    const target = join(dir, 'joined.parquet');
    expect((await joinParquetParts(parts, target)).rows).toBe(1500 + 377);
    const back = await readBack(target);
    expect(back.schema).toEqual(describeSchema(SCHEMA));
    expect(back.columns).toEqual(canonOf([...MAIN, ...EDGE]));
  });
});

describe('errors and the parquet-wasm fallback', () => {
  const unsupported = [new Decimal(2, 9, 128), new Dictionary(new Utf8(), new Int32()), new Uint32()];
  it.each(unsupported.map((type) => [String(type), type] as const))('%s: canEncodeParquet false, encodeParquet UNSUPPORTED', async (_, type) => {
    const schema = new Schema([new Field('ok', new Utf8(), true), new Field('x', type, true)]);
    expect(canEncodeParquet(schema)).toBe(false);
    expect(await codeOfAsync(() => collectBuffer(encodeParquet([], schema)))).toBe('UNSUPPORTED');
  });

  it('a null in a non-nullable field is INVALID_ARGUMENT; a slice without it encodes', async () => {
    const schema = new Schema([new Field('x', new Int32(), false)]);
    const data = vectorFromArray([1, null, 3], new Int32()).data[0]!;
    const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 3, nullCount: 0, children: [data] }));
    expect(await codeOfAsync(() => collectBuffer(encodeParquet([batch], schema)))).toBe('INVALID_ARGUMENT');
    expect(await codeOfAsync(() => collectBuffer(encodeParquet([batch], SCHEMA)))).toBe('INVALID_ARGUMENT'); // 1 column, 13 declared
    const path = await toFile(encodeParquet([batch.slice(2, 3)], schema));
    const rows: unknown[] = [];
    for await (const b of readParquet(path)) rows.push(...b.getChild('x')!.toArray());
    expect(rows).toEqual([3]);
  });

  it('batchesToParquet writes a schema the TypeScript encoder declines through parquet-wasm', async () => {
    const fields = [new Field('uf', new Dictionary(new Utf8(), new Int32()), true), new Field('n', new Int32(), false)];
    const schema = new Schema(fields);
    const children = [vectorFromArray(['SP', 'RJ', null, 'SP'], fields[0]!.type).data[0]!, vectorFromArray([1, 2, 3, 4], new Int32()).data[0]!];
    const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: 4, nullCount: 0, children }));
    const path = await toFile(batchesToParquet([batch], schema, { compression: 'zstd' }));
    const rows: unknown[] = [];
    for await (const b of readParquet(path)) rows.push(...b.toArray().map((r) => r.toJSON()));
    expect(rows).toEqual([{ uf: 'SP', n: 1 }, { uf: 'RJ', n: 2 }, { uf: null, n: 3 }, { uf: 'SP', n: 4 }]);
  });

  // NaN once passed Math.max(1, NaN) and wrote a valid file of 0 rows; pageRows 0 looped forever.
  it('rejects row-group sizes and page limits that are not positive integers', async () => {
    for (const options of [{ rowGroupRows: NaN }, { rowGroupRows: 2.5 }, { rowGroupRows: 0 }, { limits: { pageRows: 0 } }, { limits: { dictionaryBytes: NaN } }]) {
      expect(await codeOfAsync(async () => void (await encodeFile(MAIN, options)))).toBe('INVALID_ARGUMENT');
    }
  });
});
