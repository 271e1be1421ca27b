/**
 * Joins Parquet files of one schema into one file without decoding or re-encoding anything: the
 * row groups' bytes are copied as they are and a new footer lists them all, with every file
 * offset shifted to the row group's new place. For a request written whole this replaces a
 * serial decode + encode of every row by a file copy.
 *
 * @module
 */
import { ArrowSusError } from '../errors.js';
import { openForRead, readFileChunks } from '../io/read-file.js';
import { writeFileAtomic } from '../io/write-file.js';
import { resolveFooterMetadata, type FooterMetadata } from './parquet-writer/footer.js';
import { TType, readThriftStruct, writeThriftStruct, type ThriftList, type ThriftStruct, type ThriftValue } from './thrift-compact.js';

const MAGIC = Buffer.from('PAR1', 'latin1');

// Field ids of parquet.thrift.
const FILE_SCHEMA = 2;
const FILE_NUM_ROWS = 3;
const FILE_ROW_GROUPS = 4;
const FILE_KEY_VALUES = 5;
const KEY_VALUES_ONLY: ReadonlySet<number> = new Set([FILE_KEY_VALUES]);
const GROUP_COLUMNS = 1;
const GROUP_FILE_OFFSET = 5;
const GROUP_ORDINAL = 7;
const CHUNK_FILE_OFFSET = 2;
const CHUNK_META = 3;
// offset_index_offset, offset_index_length, column_index_offset, column_index_length
const CHUNK_PAGE_INDEX_FIELDS = [4, 5, 6, 7];
const META_OFFSETS = [9, 10, 11, 14]; // data, index, dictionary page, bloom filter

/** A Parquet file's footer and where its row-group bytes end (see {@link readParquetParts}). */
export interface ParquetParts {
  readonly path: string;
  readonly size: number;
  /** End of the row-group (and page-index) bytes: where the footer starts. */
  readonly dataEnd: number;
  readonly footer: ThriftStruct;
}

async function readParts(path: string, only?: ReadonlySet<number>): Promise<ParquetParts> {
  const handle = await openForRead(path);
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(8);
    if (size < 12) throw new ArrowSusError('CACHE_CORRUPT', `parquet: ${path} is too short to be Parquet`);
    await handle.read(tail, 0, 8, size - 8);
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    const footerLength = tail.readUInt32LE(0);
    if (!head.equals(MAGIC) || !tail.subarray(4).equals(MAGIC) || footerLength > size - 12) {
      throw new ArrowSusError('CACHE_CORRUPT', `parquet: ${path} is not a Parquet file`);
    }
    const footerBytes = Buffer.alloc(footerLength);
    await handle.read(footerBytes, 0, footerLength, size - 8 - footerLength);
    return { path, size, dataEnd: size - 8 - footerLength, footer: readThriftStruct(footerBytes, only) };
  } finally {
    await handle.close();
  }
}

function field(struct: ThriftStruct, id: number): ThriftValue | undefined {
  return struct.fields.get(id)?.value;
}

/** Moves an offset field by `delta`; 0 means "not set" in these fields and stays 0. */
function shift(struct: ThriftStruct, id: number, delta: bigint): void {
  const entry = struct.fields.get(id);
  if (entry !== undefined && entry.type === TType.I64 && entry.value !== 0n) {
    struct.fields.set(id, { type: TType.I64, value: (entry.value as bigint) + delta });
  }
}

function shiftRowGroup(group: ThriftStruct, delta: bigint): void {
  shift(group, GROUP_FILE_OFFSET, delta);
  const columns = field(group, GROUP_COLUMNS) as ThriftList | undefined;
  for (const item of columns?.items ?? []) {
    const chunk = item as ThriftStruct;
    if (field(chunk, 1) !== undefined) {
      throw new ArrowSusError('UNSUPPORTED', 'parquet: a column chunk in another file cannot be joined');
    }
    shift(chunk, CHUNK_FILE_OFFSET, delta);
    // The page indexes hold absolute page positions inside the copied bytes, which a footer
    // rewrite cannot move: drop the references (readers then read the pages in sequence; the
    // index bytes stay behind unused).
    for (const id of CHUNK_PAGE_INDEX_FIELDS) chunk.fields.delete(id);
    const meta = field(chunk, CHUNK_META) as ThriftStruct | undefined;
    if (meta !== undefined) for (const id of META_OFFSETS) shift(meta, id, delta);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

function schemaBytes(footer: ThriftStruct): Uint8Array {
  const schema = footer.fields.get(FILE_SCHEMA);
  if (schema === undefined) throw new ArrowSusError('CACHE_CORRUPT', 'parquet: footer without a schema');
  return writeThriftStruct({ kind: 'struct', fields: new Map([[FILE_SCHEMA, schema]]) });
}

/**
 * Reads the footers of Parquet files (a few kB each), for {@link canJoinParquet} and
 * {@link joinParquetParts}.
 *
 * @example
 * ```ts
 * const parts = await readParquetParts(paths);
 * ```
 */
export function readParquetParts(paths: readonly string[]): Promise<ParquetParts[]> {
  return Promise.all(paths.map((path) => readParts(path)));
}

/**
 * One file's footer, as {@link readParquetParts} reads it.
 *
 * @example
 * ```ts
 * const part = await readParquetPart('RDSP2301.parquet');
 * ```
 */
export function readParquetPart(path: string): Promise<ParquetParts> {
  return readParts(path);
}

/**
 * The key/value metadata of a Parquet file's footer (the rest of the footer is skipped, not
 * built), for {@link footerMetadata}.
 *
 * @example
 * ```ts
 * footerMetadata(await readParquetKeyValues('RDSP2301.parquet'), 'ARROW:schema');
 * ```
 */
export function readParquetKeyValues(path: string): Promise<ParquetParts> {
  return readParts(path, KEY_VALUES_ONLY);
}

/**
 * The value of a key in a Parquet footer's key/value metadata (e.g. `ARROW:schema`), or undefined.
 *
 * @example
 * ```ts
 * const [part] = await readParquetParts(['RDSP2301.parquet']);
 * footerMetadata(part, 'ARROW:schema'); // base64 of the Arrow schema message
 * ```
 */
export function footerMetadata(part: ParquetParts, key: string): string | undefined {
  for (const item of (field(part.footer, FILE_KEY_VALUES) as ThriftList | undefined)?.items ?? []) {
    const entry = item as ThriftStruct;
    const name = field(entry, 1);
    if (!(name instanceof Uint8Array) || Buffer.from(name).toString('utf8') !== key) continue;
    const value = field(entry, 2);
    return value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : undefined;
  }
  return undefined;
}

/**
 * Whether files can be joined: at least one, and the same Parquet schema in every file.
 *
 * @example
 * ```ts
 * if (canJoinParquet(parts)) await joinParquetParts(parts, 'out.parquet');
 * ```
 */
export function canJoinParquet(parts: readonly ParquetParts[]): boolean {
  if (parts.length === 0) return false;
  const first = schemaBytes(parts[0]!.footer);
  return parts.every((part) => sameBytes(schemaBytes(part.footer), first));
}

/**
 * Whether files can be joined by {@link concatParquetFiles}: same Parquet schema in every file.
 *
 * @example
 * ```ts
 * if (await canConcatParquet(paths)) await concatParquetFiles(paths, 'out.parquet');
 * ```
 */
export async function canConcatParquet(paths: readonly string[]): Promise<boolean> {
  return canJoinParquet(await readParquetParts(paths));
}

/** Options of {@link concatParquetFiles} and {@link joinParquetParts}. */
export interface JoinParquetOptions {
  readonly signal?: AbortSignal;
  /** Key/value metadata added to the footer. */
  readonly metadata?: Readonly<Record<string, string>>;
  /** Leave out the first file's keys that start with this. */
  readonly dropKeysWithPrefix?: string;
}

/**
 * Writes one Parquet file holding every row group of `paths`, in order, atomically. The key/value
 * metadata is the first file's (its `ARROW:schema` among it) without keys starting with
 * `dropKeysWithPrefix`, plus `metadata`. Throws `INVALID_ARGUMENT` when the schemas differ.
 *
 * @example
 * ```ts
 * await concatParquetFiles(entries.map((e) => e.parquetPath), 'sp-deaths.parquet');
 * ```
 */
export async function concatParquetFiles(paths: readonly string[], target: string, options: JoinParquetOptions = {}): Promise<{ bytes: number; rows: number }> {
  return joinParquetParts(await readParquetParts(paths), target, options);
}

/**
 * {@link concatParquetFiles} on footers already read with {@link readParquetParts}.
 *
 * @example
 * ```ts
 * await joinParquetParts(parts, 'out.parquet', { dropKeysWithPrefix: 'arrow-sus.' });
 * ```
 */
export async function joinParquetParts(parts: readonly ParquetParts[], target: string, options: JoinParquetOptions = {}): Promise<{ bytes: number; rows: number }> {
  if (parts.length === 0) throw new ArrowSusError('INVALID_ARGUMENT', 'parquet: nothing to join');
  if (!canJoinParquet(parts)) {
    throw new ArrowSusError('INVALID_ARGUMENT', 'parquet: the files have different schemas and cannot be joined as they are');
  }
  const joined = await joinParquetStream(parts, target, options);
  return joined!;
}

/**
 * Like {@link joinParquetParts}, with the parts arriving one by one (a request's cached files as
 * their conversions finish): each part's row groups are copied as soon as it comes, the footer
 * is written after the last. Resolves to `undefined`, with nothing left at `target`, when a
 * part's schema differs from the first's or no part comes. `metadata` may be a function, called
 * once every part has come.
 *
 * @example
 * ```ts
 * const joined = await joinParquetStream(partsAsTheyAreReady(), 'out.parquet');
 * if (joined === undefined) await encodeAgain();
 * ```
 */
export async function joinParquetStream(
  parts: AsyncIterable<ParquetParts> | Iterable<ParquetParts>,
  target: string,
  options: Omit<JoinParquetOptions, 'metadata'> & { readonly metadata?: FooterMetadata } = {},
): Promise<{ bytes: number; rows: number } | undefined> {
  let first: ParquetParts | undefined;
  let firstSchema: Uint8Array | undefined;
  const groups: ThriftValue[] = [];
  let rows = 0n;
  let position = 4n;
  // Set when a part cannot be joined: the byte stream then stops, and the partial file goes.
  let mismatch = false;
  const signal = options.signal ? { signal: options.signal } : {};

  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const part of parts) {
      if (first === undefined || firstSchema === undefined) {
        first = part;
        firstSchema = schemaBytes(part.footer);
        yield MAGIC;
      } else if (!sameBytes(schemaBytes(part.footer), firstSchema)) {
        mismatch = true;
        throw new ArrowSusError('INVALID_ARGUMENT', `parquet: ${part.path} has another schema than ${first.path}`);
      }
      const delta = position - 4n;
      const list = field(part.footer, FILE_ROW_GROUPS) as ThriftList | undefined;
      for (const item of list?.items ?? []) {
        const group = item as ThriftStruct;
        shiftRowGroup(group, delta);
        if (group.fields.has(GROUP_ORDINAL)) group.fields.set(GROUP_ORDINAL, { type: TType.I16, value: groups.length });
        // Encoded now, while other files are still converting: the footer written after the last
        // file (thousands of column chunks) is then a concatenation.
        groups.push({ kind: 'encoded', bytes: writeThriftStruct(group) });
      }
      rows += (field(part.footer, FILE_NUM_ROWS) as bigint | undefined) ?? 0n;
      position += BigInt(part.dataEnd - 4);
      let copied = 4;
      // writeFileAtomic has written a chunk before it asks for the next: one buffer serves the copy.
      for await (const chunk of readFileChunks(part.path, { start: 4, end: part.dataEnd, reuseBuffer: true, ...signal })) {
        copied += chunk.length;
        yield chunk;
      }
      if (copied !== part.dataEnd) throw new ArrowSusError('CACHE_CORRUPT', `parquet: ${part.path} changed while being read`);
    }
    if (first === undefined) {
      mismatch = true;
      throw new ArrowSusError('INVALID_ARGUMENT', 'parquet: nothing to join');
    }
    const footerBytes = footerOf(first, groups, rows, options.dropKeysWithPrefix, resolveFooterMetadata(options.metadata));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(footerBytes.length, 0);
    yield footerBytes;
    yield length;
    yield MAGIC;
  }
  try {
    const written = await writeFileAtomic(target, bytes(), signal);
    return { bytes: written, rows: Number(rows) };
  } catch (error) {
    if (mismatch) return undefined;
    throw error;
  }
}

/** The joined file's footer: the first file's, with every row group and the metadata changes. */
function footerOf(first: ParquetParts, groups: ThriftValue[], rows: bigint, dropKeysWithPrefix: string | undefined, metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  const footer: ThriftStruct = { kind: 'struct', fields: new Map(first.footer.fields) };
  footer.fields.set(FILE_NUM_ROWS, { type: TType.I64, value: rows });
  footer.fields.set(FILE_ROW_GROUPS, { type: TType.LIST, value: { kind: 'list', setType: false, elementType: TType.STRUCT, items: groups } });
  const keyValues = ((field(first.footer, FILE_KEY_VALUES) as ThriftList | undefined)?.items ?? []).filter((item) => {
    const key = Buffer.from(field(item as ThriftStruct, 1) as Uint8Array).toString('utf8');
    return dropKeysWithPrefix === undefined || !key.startsWith(dropKeysWithPrefix);
  });
  for (const [key, value] of Object.entries(metadata)) {
    keyValues.push({
      kind: 'struct',
      fields: new Map([
        [1, { type: TType.BINARY, value: Buffer.from(key, 'utf8') }],
        [2, { type: TType.BINARY, value: Buffer.from(value, 'utf8') }],
      ]),
    });
  }
  if (keyValues.length > 0) footer.fields.set(FILE_KEY_VALUES, { type: TType.LIST, value: { kind: 'list', setType: false, elementType: TType.STRUCT, items: keyValues } });
  else footer.fields.delete(FILE_KEY_VALUES);
  return writeThriftStruct(footer);
}
