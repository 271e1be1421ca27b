import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArrowSusError, ERROR_CODES, type ErrorCode } from '../src/errors.js';

describe('error registry', () => {
  it('every code is documented in the README error table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const missing = Object.keys(ERROR_CODES).filter((code) => !readme.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('guards by brand and code, and round-trips through JSON', () => {
    const error = new ArrowSusError('DBC_CRC_MISMATCH', 'dbc: CRC-32 mismatch', { details: { file: 'x.dbc' } });
    expect(ArrowSusError.is(error)).toBe(true);
    expect(ArrowSusError.is(error, 'DBC_CRC_MISMATCH')).toBe(true);
    expect(ArrowSusError.is(error, 'DBC_TRUNCATED')).toBe(false);
    expect(ArrowSusError.is(new Error('plain'))).toBe(false);
    const copy = ArrowSusError.fromJSON(JSON.parse(JSON.stringify(error)) as { code: string; message: string });
    expect(copy.code).toBe('DBC_CRC_MISMATCH');
    expect(copy.details).toEqual({ file: 'x.dbc' });
    expect(copy.status).toBe(422);
    expect(copy.retryable).toBe(false);
  });

  it('maps an unknown code from another version to INTERNAL', () => {
    expect(ArrowSusError.fromJSON({ code: 'NOPE', message: 'x' }).code).toBe<ErrorCode>('INTERNAL');
  });
});
