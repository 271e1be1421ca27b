/**
 * The `--labels` stage: code → label decoding (dictionary-encoded columns) for the systems that
 * have label dictionaries, chosen from the dataset a file belongs to. Unknown codes are counted
 * per column for the closing report.
 *
 * @module
 */
import type { RecordBatch, Schema } from 'apache-arrow';
import { emptyBatch } from '../arrow/unify.js';
import { labelDecoder, type UnknownCode } from '../brazil/index.js';
import { getLabelDictionary } from '../brazil/labels/systems.js';

/**
 * The label dictionary name for a system and group (`SIM`, `SIH`, `SIA-PA`, `CNES-ST`,
 * `SINAN-DENG` …), or undefined when none exists.
 *
 * @example
 * ```ts
 * labelSystemFor('SINAN', 'DENG'); // 'SINAN-DENG'
 * ```
 */
export function labelSystemFor(system: string | null, group: string | null): string | undefined {
  if (system === null) return undefined;
  for (const candidate of group === null ? [system] : [`${system}-${group}`, system]) {
    try {
      getLabelDictionary(candidate);
      return candidate;
    } catch {
      // Try the next spelling.
    }
  }
  return undefined;
}

/** A labelling stage for one dataset. */
export interface LabelStage {
  /** The dictionary in use, or undefined when the dataset has none (batches pass unchanged). */
  readonly system: string | undefined;
  /** Labels one batch. */
  apply(batch: RecordBatch): RecordBatch;
  /** The schema after labelling. */
  schema(schema: Schema): Schema;
  /** Codes seen that the dictionary does not know. */
  unknownCodes(): UnknownCode[];
}

/**
 * Builds the labelling stage for a dataset's system and group.
 *
 * @example
 * ```ts
 * const stage = labelStage('SIM', 'DO');
 * const labelled = stage.apply(batch);
 * ```
 */
export function labelStage(system: string | null, group: string | null): LabelStage {
  const name = labelSystemFor(system, group);
  if (name === undefined) return { system: undefined, apply: (batch) => batch, schema: (schema) => schema, unknownCodes: () => [] };
  const decode = labelDecoder(name);
  // The schema comes from labelling an empty batch with a separate decoder (no counts disturbed).
  const probe = labelDecoder(name);
  return {
    system: name,
    apply: (batch) => decode(batch),
    schema: (schema) => probe(emptyBatch(schema)).schema,
    unknownCodes: () => decode.unknownCodes(),
  };
}
