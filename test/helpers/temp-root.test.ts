import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('test run temporary folder', () => {
  it('puts every temporary path of the run under one folder removed at its end', () => {
    // Set by the global setup before the workers start: a leaked temporary folder of any test
    // goes away with the run instead of piling up in the system's temporary folder.
    expect(basename(tmpdir())).toMatch(/^arrow-sus-test-run-/);
    expect(process.env['TMPDIR']).toBe(tmpdir());
    expect(dirname(tmpdir())).not.toBe(tmpdir());
  });
});
