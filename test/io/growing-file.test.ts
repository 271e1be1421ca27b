import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ArrowSusError } from '../../src/errors.js';
import { GrowthCell, readGrowingFile } from '../../src/io/growing-file.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/** A fresh folder with a part file holding `content`, and a cell announcing `announced` bytes of it (none by default). */
function partFile(content: Uint8Array | string, announced?: number): { dir: string; path: string; cell: GrowthCell } {
  const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-growing-'));
  const path = join(dir, 'f.part');
  writeFileSync(path, content);
  const cell = GrowthCell.create();
  if (announced !== undefined) cell.advance(announced);
  return { dir, path, cell };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return ArrowSusError.is(error) ? error.code : String(error);
  }
}

describe('GrowthCell', () => {
  it('announces bytes, then completion with the SHA-256, and reads the same from its buffer elsewhere', () => {
    const cell = GrowthCell.create();
    const other = new GrowthCell(cell.buffer);
    expect(other.state()).toBe('growing');
    cell.advance(10);
    cell.advance(25);
    expect([other.bytes, other.sha256]).toEqual([25, undefined]);
    const digest = sha256(Buffer.from('content'));
    cell.complete(40, digest);
    expect([other.state(), other.bytes, other.sha256]).toEqual(['complete', 40, digest]);
    // Final: nothing changes a complete cell.
    cell.abandon();
    cell.advance(50);
    expect([other.state(), other.bytes]).toEqual(['complete', 40]);
  });

  it('is abandoned by a byte count that goes back (a transfer that started over)', () => {
    const cell = GrowthCell.create();
    cell.advance(100);
    cell.advance(30);
    expect(cell.state()).toBe('abandoned');
    expect(cell.bytes).toBe(100);
  });

  it('wakes a waiter on every change, and at once for a change made before the wait', async () => {
    const cell = GrowthCell.create();
    const before = cell.sequence;
    cell.advance(5);
    const started = performance.now();
    await cell.changed(before, { timeoutMs: 5000 });
    expect(performance.now() - started).toBeLessThan(1000);
    const sequence = cell.sequence;
    setTimeout(() => cell.advance(9), 20);
    await cell.changed(sequence, { timeoutMs: 5000 });
    expect(cell.bytes).toBe(9);
  });
});

describe('GrowthCell.settled', () => {
  it('resolves with the final state once the writer completes or abandons the file', async () => {
    const completing = GrowthCell.create();
    setTimeout(() => {
      completing.advance(10);
      setTimeout(() => completing.complete(10, sha256(Buffer.alloc(10))), 10);
    }, 10);
    expect(await completing.settled()).toBe('complete');
    const abandoning = GrowthCell.create();
    setTimeout(() => abandoning.abandon(), 10);
    expect(await abandoning.settled()).toBe('abandoned');
    expect(await abandoning.settled()).toBe('abandoned');
  });

  it('rejects with ABORTED when its signal fires first', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    expect(await codeOf(GrowthCell.create().settled({ signal: controller.signal }))).toBe('ABORTED');
  });
});

describe('readGrowingFile', () => {
  it('reads a file as its writer appends to it, and ends when it is complete', async () => {
    const content = randomBytes(300_000);
    const { dir, path, cell } = partFile(content.subarray(0, 1000), 1000);
    const writer = (async () => {
      for (let at = 1000; at < content.length; at += 37_000) {
        await delay(5);
        const end = Math.min(content.length, at + 37_000);
        appendFileSync(path, content.subarray(at, end));
        cell.advance(end);
      }
      await delay(5);
      cell.complete(content.length, sha256(content));
    })();
    // Chunks smaller than the writes: the reader catches up, waits, and goes on.
    const read = await collect(readGrowingFile(path, cell, { chunkSize: 16_384 }));
    await writer;
    expect(read.equals(content)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows a file written by another thread, which shares the cell', async () => {
    const { dir, path, cell } = partFile('');
    const source = `
      const { workerData } = require('node:worker_threads');
      const { appendFileSync } = require('node:fs');
      const view = new Int32Array(workerData.buffer);
      // Slots as in io/growing-file.ts: state, bytes, sequence.
      let bytes = 0;
      for (let i = 0; i < 20; i++) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3);
        appendFileSync(workerData.path, Buffer.alloc(5000, i));
        bytes += 5000;
        Atomics.store(view, 1, bytes);
        Atomics.add(view, 2, 1);
        Atomics.notify(view, 2);
      }
      Atomics.store(view, 0, 1);
      Atomics.add(view, 2, 1);
      Atomics.notify(view, 2);
    `;
    const worker = new Worker(source, { eval: true, workerData: { buffer: cell.buffer, path } });
    // Listened to at once: the thread may be gone by the time the last chunk is read.
    const exited = new Promise<number>((resolve, reject) => {
      worker.once('exit', resolve);
      worker.once('error', reject);
    });
    const read = await collect(readGrowingFile(path, cell));
    expect(await exited).toBe(0);
    expect(read.length).toBe(100_000);
    for (let i = 0; i < 20; i++) expect(read[i * 5000 + 4999]).toBe(i);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the complete file under its final name when the part file was renamed before it was opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrow-sus-growing-'));
    const content = randomBytes(50_000);
    writeFileSync(join(dir, 'f.dbc'), content);
    const cell = GrowthCell.create();
    cell.complete(content.length, sha256(content));
    const read = await collect(readGrowingFile(join(dir, 'f.dbc.50000-x.part'), cell, { completePath: join(dir, 'f.dbc') }));
    expect(read.equals(content)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops with DOWNLOAD_RESTARTED when the writer gives the file up, mid-read or before', async () => {
    const { dir, path, cell } = partFile(randomBytes(4000), 4000);
    setTimeout(() => cell.abandon(), 30);
    let got = 0;
    const code = await codeOf(
      (async () => {
        for await (const chunk of readGrowingFile(path, cell)) got += chunk.length;
      })(),
    );
    expect([code, got]).toEqual(['DOWNLOAD_RESTARTED', 4000]);
    expect(await codeOf(collect(readGrowingFile(path, cell)))).toBe('DOWNLOAD_RESTARTED');
    // A part file gone while still announced as growing was removed to start over.
    const growing = GrowthCell.create();
    growing.advance(10);
    expect(await codeOf(collect(readGrowingFile(join(dir, 'missing.part'), growing, { completePath: join(dir, 'missing') })))).toBe('DOWNLOAD_RESTARTED');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops with DOWNLOAD_RESTARTED when the file on disk is shorter than announced (replaced by a new transfer)', async () => {
    const { dir, path, cell } = partFile(randomBytes(1000), 5000);
    expect(await codeOf(collect(readGrowingFile(path, cell)))).toBe('DOWNLOAD_RESTARTED');
    // The same shortfall in a file said to be complete is a broken file, not a restart.
    renameSync(path, join(dir, 'g'));
    const done = GrowthCell.create();
    done.complete(5000, sha256(Buffer.alloc(1)));
    expect(await codeOf(collect(readGrowingFile(join(dir, 'g'), done)))).toBe('FILE_IO');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops promptly with ABORTED while it waits for the writer', async () => {
    const { dir, path, cell } = partFile('');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    expect(await codeOf(collect(readGrowingFile(path, cell, { signal: controller.signal })))).toBe('ABORTED');
    expect(performance.now() - started).toBeLessThan(900);
    rmSync(dir, { recursive: true, force: true });
  });
});
