/**
 * Turns one coded Utf8 column into a dictionary-encoded column (`Dictionary<Utf8, Int32>`), reading
 * codes straight from the value bytes: codes up to 6 bytes are packed into a number and looked up in a
 * `Map<number, index>`, so no JS string is created per row. Unknown codes become null and are counted.
 *
 * @module
 */
import { Dictionary, Int32, Utf8, makeData, vectorFromArray, type Data, type Vector } from 'apache-arrow';
import { normalizeCode, type ColumnDictionary } from './dictionary.js';

/**
 * A prepared column decoder: its Arrow type (one dictionary id, reused by every batch) and lookup table.
 *
 * @example
 * ```ts
 * const labeler: ColumnLabeler = prepareColumnLabeler({ labels: { M: 'Masculino', F: 'Feminino' } });
 * ```
 */
export interface ColumnLabeler {
  readonly type: Dictionary<Utf8, Int32>;
  readonly labels: Vector<Utf8>;
  /** Packed normalised code → index into `labels`. */
  readonly index: ReadonlyMap<number, number>;
  /** Normalised code → index, for codes longer than 6 bytes. */
  readonly longIndex: ReadonlyMap<string, number>;
}

const textEncoder = new TextEncoder();
const utf8 = new TextDecoder();

/** Packs up to 6 bytes into one number (length in the low byte keeps `"A"` and `"\0A"` apart). */
function pack(bytes: Uint8Array, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < end; i++) key = key * 256 + (bytes[i] ?? 0);
  return key * 8 + (end - start);
}

/**
 * Trims spaces and, for all-digit codes, leading zeros — the byte version of `normalizeCode` — and
 * returns the normalised `[start, end)`.
 */
function normalizeBytes(bytes: Uint8Array, start: number, end: number): [number, number] {
  while (start < end && bytes[start] === 32) start++;
  while (end > start && bytes[end - 1] === 32) end--;
  let digits = true;
  for (let i = start; i < end; i++) {
    const c = bytes[i] ?? 0;
    if (c < 48 || c > 57) {
      digits = false;
      break;
    }
  }
  if (digits) while (end - start > 1 && bytes[start] === 48) start++;
  return [start, end];
}

/**
 * Prepares a column decoder from a dictionary: labels in first-seen order (codes sharing a label share
 * an index).
 *
 * @example
 * ```ts
 * const labeler = prepareColumnLabeler({ labels: { '1': 'Sim', '2': 'Não' } });
 * labeler.labels.toArray(); // ['Sim', 'Não']
 * ```
 */
export function prepareColumnLabeler(column: ColumnDictionary): ColumnLabeler {
  const labels: string[] = [];
  const byLabel = new Map<string, number>();
  const index = new Map<number, number>();
  const longIndex = new Map<string, number>();
  for (const [code, label] of Object.entries(column.labels)) {
    let at = byLabel.get(label);
    if (at === undefined) {
      at = labels.length;
      labels.push(label);
      byLabel.set(label, at);
    }
    const normal = normalizeCode(code);
    const bytes = textEncoder.encode(normal);
    if (bytes.length <= 6) index.set(pack(bytes, 0, bytes.length), at);
    longIndex.set(normal, at);
  }
  return { type: new Dictionary(new Utf8(), new Int32()), labels: vectorFromArray(labels, new Utf8()), index, longIndex };
}

/**
 * Per-column tally of codes the dictionary does not know: raw code → count.
 *
 * @example
 * ```ts
 * const tally: UnknownTally = new Map(); // filled by labelChunk: code → count
 * ```
 */
export type UnknownTally = Map<string, number>;

/**
 * Decodes one Utf8 chunk into a dictionary chunk. Blank and null values stay null (not counted);
 * unknown codes become null and are tallied under their trimmed text.
 *
 * @example
 * ```ts
 * const tally = new Map();
 * const out = labelChunk(vectorFromArray(['1', '03', 'X'], new Utf8()).data[0]!, labeler, tally);
 * ```
 */
export function labelChunk(data: Data<Utf8>, labeler: ColumnLabeler, unknown: UnknownTally): Data<Dictionary<Utf8, Int32>> {
  const length = data.length;
  const offsets = data.valueOffsets;
  const values = data.values;
  const nullBitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
  const indices = new Int32Array(length);
  const validity = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < length; i++) {
    const j = data.offset + i;
    if (nullBitmap !== undefined && ((nullBitmap[j >> 3] ?? 0) & (1 << (j & 7))) === 0) {
      nullCount++;
      continue;
    }
    const [start, end] = normalizeBytes(values, offsets[i] ?? 0, offsets[i + 1] ?? 0);
    if (start === end) {
      nullCount++;
      continue;
    }
    const at = end - start <= 6 ? labeler.index.get(pack(values, start, end)) : labeler.longIndex.get(utf8.decode(values.subarray(start, end)));
    if (at === undefined) {
      nullCount++;
      const raw = utf8.decode(values.subarray(offsets[i] ?? 0, offsets[i + 1] ?? 0)).trim();
      unknown.set(raw, (unknown.get(raw) ?? 0) + 1);
      continue;
    }
    indices[i] = at;
    validity[i >> 3] = (validity[i >> 3] ?? 0) | (1 << (i & 7));
  }
  return makeData({
    type: labeler.type,
    length,
    nullCount,
    nullBitmap: nullCount > 0 ? validity : null,
    data: indices,
    dictionary: labeler.labels,
  });
}
