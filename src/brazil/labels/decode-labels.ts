/**
 * `decodeLabels`: coded columns of a DataSUS table or batch → dictionary-encoded label columns, with a
 * per-column report of the codes no dictionary knows. `labelDecoder` is the same as a reusable
 * `(batch) => batch` stage for streaming pipelines (the CLI `--labels` flag).
 *
 * Memory: one Int32 index array per decoded column per batch; label vectors are shared by all batches.
 *
 * @module
 */
import { Field, RecordBatch, Schema, Struct, Table, Utf8, makeData, makeVector, vectorFromArray, type Data, type DataType } from 'apache-arrow';
import { recordBatch } from '../../arrow/record-batch.js';
import { labelChunk, prepareColumnLabeler, type ColumnLabeler, type UnknownTally } from './decode-column.js';
import type { LabelSystem, SystemDictionary } from './dictionary.js';
import { getLabelDictionary } from './systems.js';

/**
 * One code that no dictionary label matched, with how often it occurred.
 *
 * @example
 * ```ts
 * const entry: UnknownCode = { column: 'RACA_COR', code: '06', count: 2 };
 * ```
 */
export interface UnknownCode {
  readonly column: string;
  readonly code: string;
  readonly count: number;
}

/**
 * Options of {@link decodeLabels} and {@link labelDecoder}.
 *
 * @example
 * ```ts
 * decodeLabels(table, { system: 'SINAN-DENG', columns: ['CLASSI_FIN', 'EVOLUCAO'] });
 * ```
 */
export interface DecodeLabelsOptions {
  /** Which embedded dictionary to use. */
  readonly system: LabelSystem | string;
  /** A dictionary to use instead of (or merged over) the embedded one, e.g. refreshed from CNV files. */
  readonly dictionary?: SystemDictionary;
  /** Decode only these columns (default: every column the dictionary knows). */
  readonly columns?: readonly string[];
}

/**
 * What {@link decodeLabels} returns.
 *
 * @example
 * ```ts
 * const { data, unknown }: DecodeLabelsResult<Table> = decodeLabels(table, { system: 'SIM' });
 * ```
 */
export interface DecodeLabelsResult<T> {
  readonly data: T;
  /** Unknown codes, sorted by column then descending count. Empty when every code was labelled. */
  readonly unknown: readonly UnknownCode[];
}

/**
 * A `(batch) => batch` stage that also remembers the unknown codes it has seen.
 *
 * @example
 * ```ts
 * const label: LabelDecoder = labelDecoder('SIH');
 * const labelled = label(batch);
 * ```
 */
export interface LabelDecoder {
  (batch: RecordBatch): RecordBatch;
  /** Unknown codes over every batch decoded so far. */
  unknownCodes(): UnknownCode[];
}

function resolveDictionary(options: DecodeLabelsOptions): SystemDictionary {
  if (options.dictionary === undefined) return getLabelDictionary(options.system);
  const base = safeDictionary(options.system);
  if (base === undefined) return options.dictionary;
  // Refreshed labels (e.g. parsed from the official CNV files) win over the embedded ones, column by column.
  return { ...base, version: `${base.version}+${options.dictionary.version}`, columns: { ...base.columns, ...options.dictionary.columns } };
}

function safeDictionary(system: string): SystemDictionary | undefined {
  try {
    return getLabelDictionary(system);
  } catch {
    return undefined;
  }
}

/** Codes in non-text columns (a DBF reader may type a coded `N` field as a number) are labelled by their text. */
function asUtf8(data: Data<DataType>): Data<Utf8> {
  if (data.type instanceof Utf8) return data as Data<Utf8>;
  const vector = makeVector(data);
  const texts: (string | null)[] = [];
  for (let i = 0; i < data.length; i++) {
    const value: unknown = vector.get(i);
    texts.push(value === null || value === undefined ? null : String(value));
  }
  return vectorFromArray(texts, new Utf8()).data[0] as Data<Utf8>;
}

/** The decoding state shared by every batch of one table or stream. */
class BatchLabeler {
  private readonly labelers = new Map<string, ColumnLabeler>();
  private readonly tallies = new Map<string, UnknownTally>();

  constructor(private readonly dictionary: SystemDictionary, private readonly only: ReadonlySet<string> | undefined) {}

  decode(batch: RecordBatch): RecordBatch {
    const fields: Field[] = [];
    const children: Data[] = [];
    batch.schema.fields.forEach((field, i) => {
      const child = batch.data.children[i] as Data;
      const column = this.dictionary.columns[field.name];
      if (column === undefined || (this.only !== undefined && !this.only.has(field.name))) {
        fields.push(field);
        children.push(child);
        return;
      }
      let labeler = this.labelers.get(field.name);
      if (labeler === undefined) {
        labeler = prepareColumnLabeler(column);
        this.labelers.set(field.name, labeler);
      }
      let tally = this.tallies.get(field.name);
      if (tally === undefined) {
        tally = new Map();
        this.tallies.set(field.name, tally);
      }
      const decoded = labelChunk(asUtf8(child), labeler, tally);
      const metadata = new Map(field.metadata);
      metadata.set('arrow-sus:labels', `${this.dictionary.system}@${this.dictionary.version}`);
      fields.push(new Field(field.name, labeler.type, true, metadata));
      children.push(decoded);
    });
    const schema = new Schema(fields, batch.schema.metadata);
    const struct = makeData({ type: new Struct(fields), length: batch.numRows, nullCount: 0, children });
    return recordBatch(schema, struct);
  }

  unknownCodes(): UnknownCode[] {
    const out: UnknownCode[] = [];
    for (const [column, tally] of this.tallies) for (const [code, count] of tally) out.push({ column, code, count });
    return out.sort((a, b) => a.column.localeCompare(b.column) || b.count - a.count || a.code.localeCompare(b.code));
  }
}

/**
 * Replaces the coded columns of a table or batch with dictionary-encoded label columns
 * (`Dictionary<Utf8, Int32>`; one dictionary per column shared by all batches) and reports unknown codes.
 * Columns the dictionary does not cover are passed through untouched.
 *
 * @example
 * ```ts
 * const { data, unknown } = decodeLabels(table, { system: 'SIH' });
 * data.getChild('RACA_COR')?.get(0); // 'Parda' for "03"
 * unknown; // [{ column: 'RACA_COR', code: '06', count: 2 }] when a file holds codes outside the layout
 * ```
 */
export function decodeLabels<T extends Table | RecordBatch>(input: T, options: DecodeLabelsOptions): DecodeLabelsResult<T> {
  const labeler = new BatchLabeler(resolveDictionary(options), options.columns === undefined ? undefined : new Set(options.columns));
  if (input instanceof RecordBatch) {
    const data = labeler.decode(input) as T;
    return { data, unknown: labeler.unknownCodes() };
  }
  const batches = (input as Table).batches.map((batch) => labeler.decode(batch));
  const data = (batches.length === 0 ? input : new Table(batches)) as T;
  return { data, unknown: labeler.unknownCodes() };
}

/**
 * A reusable `(batch) => batch` stage for streams: every batch of a stream gets the same dictionary
 * types (same ids), so the output can be written as one Arrow IPC stream. Call `unknownCodes()` at the end.
 *
 * @example
 * ```ts
 * const label = labelDecoder('SIM');
 * for await (const batch of batches) yield label(batch);
 * console.error(label.unknownCodes());
 * ```
 */
export function labelDecoder(system: LabelSystem | string, options: Omit<DecodeLabelsOptions, 'system'> = {}): LabelDecoder {
  const labeler = new BatchLabeler(resolveDictionary({ ...options, system }), options.columns === undefined ? undefined : new Set(options.columns));
  const decode = ((batch: RecordBatch) => labeler.decode(batch)) as LabelDecoder;
  decode.unknownCodes = () => labeler.unknownCodes();
  return decode;
}
