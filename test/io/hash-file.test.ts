import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunningSha256, hashFile } from '../../src/io/hash-file.js';

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('RunningSha256', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const file = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-sha-'));
    dirs.push(dir);
    return join(dir, 'x.part');
  };

  it('hashes appended bytes without reading them back, and what is on disk only when behind', async () => {
    const path = file();
    const all = randomBytes(3_000_000);
    // A partial file from an earlier run: caught up from disk (more than one read chunk).
    writeFileSync(path, all.subarray(0, 1_500_000));
    const digest = new RunningSha256();
    await digest.catchUp(path, 1_500_000);
    expect(digest.bytes).toBe(1_500_000);
    // The transfer appends and reports each chunk.
    for (let at = 1_500_000; at < all.length; at += 65_536) {
      const chunk = all.subarray(at, Math.min(all.length, at + 65_536));
      appendFileSync(path, chunk);
      digest.update(chunk);
    }
    await digest.catchUp(path, all.length); // nothing left to read
    expect(digest.digest()).toBe(sha(all));
    // The digest starts over afterwards.
    expect(digest.bytes).toBe(0);
  });

  it('reads what a failed write left on disk beyond the bytes it saw', async () => {
    const path = file();
    const all = randomBytes(100_000);
    const digest = new RunningSha256();
    writeFileSync(path, all.subarray(0, 40_000));
    digest.update(all.subarray(0, 40_000));
    // A chunk half-written before an error: on disk, never reported.
    appendFileSync(path, all.subarray(40_000, 52_000));
    await digest.catchUp(path, 52_000);
    appendFileSync(path, all.subarray(52_000));
    digest.update(all.subarray(52_000));
    expect(digest.digest()).toBe(sha(all));
  });

  it('starts over when the file is shorter than what it hashed', async () => {
    const path = file();
    const all = randomBytes(50_000);
    writeFileSync(path, all);
    const digest = new RunningSha256();
    digest.update(all);
    truncateSync(path, 20_000);
    await digest.catchUp(path, 20_000);
    expect(digest.bytes).toBe(20_000);
    expect(digest.digest()).toBe(sha(all.subarray(0, 20_000)));
    await digest.catchUp(path, 0);
    expect(digest.digest()).toBe(sha(new Uint8Array(0)));
  });

  it('hashes a whole file, and fails with typed errors', async () => {
    const path = file();
    const all = randomBytes(2_500_000);
    writeFileSync(path, all);
    expect(await hashFile(path)).toEqual({ bytes: all.length, sha256: sha(all) });
    writeFileSync(path, new Uint8Array(0));
    expect(await hashFile(path)).toEqual({ bytes: 0, sha256: sha(new Uint8Array(0)) });
    await expect(hashFile(`${path}.missing`)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(hashFile(path, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
