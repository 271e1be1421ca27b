/**
 * Vectorised validation over Arrow Utf8 columns: reads the value bytes and offsets directly (no JS
 * strings), writes a bit-packed Bool column, and counts valid / invalid / null values.
 *
 * Memory: one output bitmap (`length / 8` bytes) per chunk plus a copy of the input validity bitmap.
 *
 * @module
 */
import { Bool, Utf8, Vector, makeData, makeVector, type Data } from 'apache-arrow';
import { ArrowSusError } from '../../errors.js';
import {
  cid10Kernel,
  cnesFormatKernel,
  cnesKernel,
  cnpjKernel,
  cnsKernel,
  cpfKernel,
  ibgeKernel,
  type ByteKernel,
} from './kernels.js';

/**
 * What a column validator checks. `cnes` is structural (7 digits); `cnes-check-digit` adds the empirical DV.
 *
 * @example
 * ```ts
 * validateColumn(column, 'cnes-check-digit' satisfies ColumnValidatorKind);
 * ```
 */
export type ColumnValidatorKind = 'cpf' | 'cnpj' | 'cns' | 'cnes' | 'cnes-check-digit' | 'ibge' | 'cid10';

/**
 * Counts of a column validation; `valid + invalid + nulls` = column length.
 *
 * @example
 * ```ts
 * const { counts } = validateColumn(column, 'cns'); // counts.valid + counts.invalid + counts.nulls === column.length
 * ```
 */
export interface ValidationCounts {
  valid: number;
  invalid: number;
  nulls: number;
}

/**
 * The result of {@link validateColumn}: a Bool column (null where the input is null) and counts.
 *
 * @example
 * ```ts
 * const { valid, counts }: ColumnValidation = validateColumn(column, 'cpf');
 * ```
 */
export interface ColumnValidation {
  readonly valid: Vector<Bool>;
  readonly counts: ValidationCounts;
}

const KERNELS: Record<ColumnValidatorKind, ByteKernel> = {
  cpf: cpfKernel,
  cnpj: cnpjKernel,
  cns: cnsKernel,
  cnes: cnesFormatKernel,
  'cnes-check-digit': cnesKernel,
  ibge: ibgeKernel,
  cid10: cid10Kernel,
};

/** Runs one byte kernel over one Utf8 chunk (nulls skipped and counted). */
function runKernel(data: Data<Utf8>, kernel: ByteKernel, counts: ValidationCounts): Data<Bool> {
  const length = data.length;
  const offsets = data.valueOffsets;
  const values = data.values;
  const nullBitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
  const base = data.offset;
  const bits = new Uint8Array((length + 7) >> 3);
  let valid = 0;
  let nulls = 0;
  let validity: Uint8Array | undefined;
  if (nullBitmap !== undefined) {
    validity = new Uint8Array((length + 7) >> 3);
    for (let i = 0; i < length; i++) {
      const j = base + i;
      if (((nullBitmap[j >> 3] ?? 0) & (1 << (j & 7))) === 0) {
        nulls++;
        continue;
      }
      validity[i >> 3] = (validity[i >> 3] ?? 0) | (1 << (i & 7));
      if (kernel(values, offsets[i] ?? 0, offsets[i + 1] ?? 0)) {
        bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7));
        valid++;
      }
    }
  } else {
    valid = kernel === cpfKernel ? scanCpf(values, offsets, length, bits)
      : kernel === cnpjKernel ? scanCnpj(values, offsets, length, bits)
      : scanGeneric(values, offsets, length, bits, kernel);
  }
  counts.valid += valid;
  counts.nulls += nulls;
  counts.invalid += length - valid - nulls;
  return makeData({ type: new Bool(), length, nullCount: nulls, nullBitmap: validity ?? null, data: bits });
}

/*
 * The no-null scan exists three times on purpose. A loop that calls a kernel passed as an argument sees
 * several kernels over a process's life and V8 stops inlining it (measured: CNPJ fell from 14 to 8 M/s
 * once the same loop had also run CPF). The two hot documents get their own copy with a direct call;
 * the others share the generic one. Each stores eight results per byte from a register.
 */

function scanCpf(values: Uint8Array, offsets: Int32Array, length: number, bits: Uint8Array): number {
  let valid = 0;
  let byte = 0;
  let start = offsets[0] ?? 0;
  for (let i = 0; i < length; i++) {
    const end = offsets[i + 1] ?? 0;
    if (cpfKernel(values, start, end)) {
      byte |= 1 << (i & 7);
      valid++;
    }
    if ((i & 7) === 7) {
      bits[i >> 3] = byte;
      byte = 0;
    }
    start = end;
  }
  if ((length & 7) !== 0) bits[length >> 3] = byte;
  return valid;
}

function scanCnpj(values: Uint8Array, offsets: Int32Array, length: number, bits: Uint8Array): number {
  let valid = 0;
  let byte = 0;
  let start = offsets[0] ?? 0;
  for (let i = 0; i < length; i++) {
    const end = offsets[i + 1] ?? 0;
    if (cnpjKernel(values, start, end)) {
      byte |= 1 << (i & 7);
      valid++;
    }
    if ((i & 7) === 7) {
      bits[i >> 3] = byte;
      byte = 0;
    }
    start = end;
  }
  if ((length & 7) !== 0) bits[length >> 3] = byte;
  return valid;
}

function scanGeneric(values: Uint8Array, offsets: Int32Array, length: number, bits: Uint8Array, kernel: ByteKernel): number {
  let valid = 0;
  let byte = 0;
  let start = offsets[0] ?? 0;
  for (let i = 0; i < length; i++) {
    const end = offsets[i + 1] ?? 0;
    if (kernel(values, start, end)) {
      byte |= 1 << (i & 7);
      valid++;
    }
    if ((i & 7) === 7) {
      bits[i >> 3] = byte;
      byte = 0;
    }
    start = end;
  }
  if ((length & 7) !== 0) bits[length >> 3] = byte;
  return valid;
}

function toChunks(column: Vector<Utf8> | Data<Utf8>): readonly Data<Utf8>[] {
  const chunks = column instanceof Vector ? column.data : [column];
  for (const chunk of chunks) {
    if (!(chunk.type instanceof Utf8)) {
      throw new ArrowSusError('INVALID_ARGUMENT', `brazil: validateColumn needs a Utf8 column, got ${String(chunk.type)} (cast codes to text first)`);
    }
  }
  return chunks;
}

/**
 * Validates every value of a Utf8 column. Values must be unmasked or in the canonical mask, with no
 * surrounding spaces (DataSUS columns are stored unmasked). Null in → null out, counted in `nulls`.
 *
 * @example
 * ```ts
 * import { vectorFromArray, Utf8 } from 'apache-arrow';
 * const column = vectorFromArray(['52998224725', '52998224724', null], new Utf8());
 * const { valid, counts } = validateColumn(column, 'cpf');
 * valid.toArray(); // [true, false, null] as bits
 * counts;          // { valid: 1, invalid: 1, nulls: 1 }
 * ```
 */
export function validateColumn(column: Vector<Utf8> | Data<Utf8>, kind: ColumnValidatorKind): ColumnValidation {
  const kernel = KERNELS[kind];
  if (kernel === undefined) throw new ArrowSusError('INVALID_ARGUMENT', `brazil: unknown validator "${String(kind)}"`);
  const counts: ValidationCounts = { valid: 0, invalid: 0, nulls: 0 };
  const out = toChunks(column).map((chunk) => runKernel(chunk, kernel, counts));
  return { valid: makeVector(out), counts };
}

/**
 * Validates a CPF column. Same as `validateColumn(column, 'cpf')`.
 *
 * @example
 * ```ts
 * const { counts } = validateCpfColumn(table.getChild('CPF_AUT')!);
 * ```
 */
export function validateCpfColumn(column: Vector<Utf8> | Data<Utf8>): ColumnValidation {
  return validateColumn(column, 'cpf');
}

/**
 * Validates a CNPJ column (numeric and alphanumeric). Same as `validateColumn(column, 'cnpj')`.
 *
 * @example
 * ```ts
 * const { counts } = validateCnpjColumn(table.getChild('CNPJ_MANT')!);
 * ```
 */
export function validateCnpjColumn(column: Vector<Utf8> | Data<Utf8>): ColumnValidation {
  return validateColumn(column, 'cnpj');
}

/** Packs a normalised CID-10 code (`A000`, `R58`) into a number: 4 bytes at most. */
function packCid10(bytes: ArrayLike<number>, start: number, end: number): number {
  let key = 0;
  let i = start;
  if (bytes[i] === 42) i++; // '*'
  for (; i < end; i++) {
    let c = bytes[i] ?? 0;
    if (c === 46) continue; // '.'
    if (c >= 97 && c <= 122) c -= 32;
    if (c === 88 && i === end - 1) continue; // 'X' filler of a 3-character category
    key = key * 256 + c;
  }
  return key;
}

/**
 * Validates a CID-10 column: format (like `validateColumn(column, 'cid10')`) and, with `known` (e.g.
 * `Cid10Table.codes()`), existence — on the Utf8 bytes, with codes packed into numbers for the lookup.
 *
 * @example
 * ```ts
 * const { counts } = validateCid10Column(table.getChild('DIAG_PRINC')!, { known: cid.codes() });
 * ```
 */
export function validateCid10Column(column: Vector<Utf8> | Data<Utf8>, options: { readonly known?: ReadonlySet<string> } = {}): ColumnValidation {
  const counts: ValidationCounts = { valid: 0, invalid: 0, nulls: 0 };
  let kernel: ByteKernel = cid10Kernel;
  if (options.known !== undefined) {
    const keys = new Set<number>();
    for (const code of options.known) {
      const codes = Array.from(code, (c) => c.charCodeAt(0));
      keys.add(packCid10(codes, 0, codes.length));
    }
    kernel = (bytes, start, end) => cid10Kernel(bytes, start, end) && keys.has(packCid10(bytes, start, end));
  }
  const out = toChunks(column).map((chunk) => runKernel(chunk, kernel, counts));
  return { valid: makeVector(out), counts };
}
