/**
 * Type-level contracts of the Brazilian domain API.
 */
import type { RecordBatch, Table } from 'apache-arrow';
import { describe, expectTypeOf, it } from 'vitest';
import type { decodeLabels } from '../../src/brazil/index.js';
import { loadTerritory, validateColumn, type ColumnValidatorKind, type ValidationResult } from '../../src/brazil/index.js';

describe('brazil types', () => {
  it('decodeLabels returns the kind of input it was given', () => {
    expectTypeOf<ReturnType<typeof decodeLabels<Table>>['data']>().toEqualTypeOf<Table>();
    expectTypeOf<ReturnType<typeof decodeLabels<RecordBatch>>['data']>().toEqualTypeOf<RecordBatch>();
  });
  it('validator kinds are a closed set', () => {
    expectTypeOf<'cpf'>().toMatchTypeOf<ColumnValidatorKind>();
    // @ts-expect-error 'rg' is not a validator kind
    validateColumn(undefined as never, 'rg');
  });
  it('a reason exists only on invalid results', () => {
    const result = {} as ValidationResult;
    if (!result.valid) expectTypeOf(result.reason).toBeString();
    // @ts-expect-error a valid result has no reason
    if (result.valid) void result.reason;
  });
  it('loadTerritory needs a source and a cache folder', () => {
    // @ts-expect-error cacheDir is required
    void loadTerritory({ source: { url: 'x', list: async () => [], download: async function* () {} } });
  });
});
