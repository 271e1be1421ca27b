import { createHash } from 'node:crypto';
/**
 * Deterministic test data for the DBC tests: small DBF tables shaped like DataSUS ones
 * (space-padded text, digits, dates), built in code so the tests run without ../shared.
 */

/** A tiny deterministic PRNG (mulberry32); the seed makes every run identical. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = [
  { name: 'MUNIC_RES', type: 'C', length: 6 },
  { name: 'NOME', type: 'C', length: 20 },
  { name: 'IDADE', type: 'N', length: 3 },
  { name: 'DT_INTER', type: 'D', length: 8 },
  { name: 'VAL_TOT', type: 'N', length: 10 },
] as const;

/** A DBF (dBase III) with `records` rows, a 0x1A end byte, and values drawn from `seed`. */
export function makeDbf(records: number, seed = 1): Uint8Array {
  const random = seededRandom(seed);
  const headerLength = 32 + 32 * FIELDS.length + 1;
  const recordLength = 1 + FIELDS.reduce((sum, f) => sum + f.length, 0);
  const out = new Uint8Array(headerLength + records * recordLength + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  out[1] = 124;
  out[2] = 1;
  out[3] = 15;
  view.setUint32(4, records, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  FIELDS.forEach((field, i) => {
    const at = 32 + 32 * i;
    for (let c = 0; c < field.name.length; c++) out[at + c] = field.name.charCodeAt(c);
    out[at + 11] = field.type.charCodeAt(0);
    out[at + 16] = field.length;
  });
  out[headerLength - 1] = 0x0d;
  const names = ['MARIA DA SILVA', 'JOSE SANTOS', 'ANA', 'JOAO PEREIRA LIMA', ''];
  let at = headerLength;
  for (let r = 0; r < records; r++) {
    const text = [
      String(110000 + Math.floor(random() * 50) * 10).slice(0, 6),
      (names[Math.floor(random() * names.length)] ?? '').padEnd(20, ' '),
      String(Math.floor(random() * 100)).padStart(3, ' '),
      `20${String(10 + Math.floor(random() * 15))}0${1 + Math.floor(random() * 9)}1${Math.floor(random() * 10)}`,
      (random() * 10000).toFixed(2).padStart(10, ' '),
    ].join('');
    out[at++] = 0x20;
    for (let c = 0; c < text.length; c++) out[at++] = text.charCodeAt(c);
  }
  out[at] = 0x1a;
  return out;
}

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Collects an async iterable of chunks into one buffer. */
export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return concatBytes(parts);
}

/** Splits bytes into chunks of `size` (the last may be shorter). */
export function splitBytes(bytes: Uint8Array, size: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return parts;
}

// Error codes of calls: shared with the other test folders.
export { codeOf, codeOfAsync } from '../helpers/streams.js';

/** SHA-256 hex of bytes: compares large buffers fast (vitest's deep equality walks them element by element). */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
