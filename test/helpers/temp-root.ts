/**
 * Vitest global setup: every temporary file and folder of a test run lives under one folder made
 * for the run, removed when the run ends. Tests (and the processes they start: the CLI, vsftpd,
 * Python readers) create theirs with `tmpdir()`, which follows `TMPDIR`; the test workers start
 * after this sets it, so they inherit it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env['TMPDIR'];
  const root = mkdtempSync(join(tmpdir(), 'arrow-sus-test-run-'));
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
