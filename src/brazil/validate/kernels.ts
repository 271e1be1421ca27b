/**
 * Byte kernels: each validates one value stored as ASCII bytes `[start, end)` of a Utf8 buffer, without
 * creating a JS string. They follow exactly the rules of the scalar validators (`cpf.ts`, `cnpj.ts` …);
 * the test suite checks both against each other and against an independent library.
 *
 * Written as straight-line integer code over a `Uint8Array` because that is what V8 compiles to tight
 * machine code: the CPF kernel runs at tens of millions of values per second on one core.
 *
 * @module
 */

/**
 * A byte kernel: `true` when the bytes `[start, end)` of `bytes` hold a valid value.
 *
 * @example
 * ```ts
 * const kernel: ByteKernel = cpfKernel;
 * kernel(bytes, 0, 11);
 * ```
 */
export type ByteKernel = (bytes: Uint8Array, start: number, end: number) => boolean;

const DOT = 46;
const DASH = 45;
const SLASH = 47;
const SPACE = 32;

/** Digit value at `i`, or −1 when the byte is not `0`–`9`. */
function digitAt(bytes: Uint8Array, i: number): number {
  const d = (bytes[i] ?? 0) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * CPF: 11 digits or `000.000.000-00`; rejects the eleven repeated-digit numbers.
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('52998224725');
 * cpfKernel(bytes, 0, bytes.length); // true
 * ```
 */
export function cpfKernel(bytes: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n === 11) return cpfPlain(bytes, start);
  let masked = false;
  if (n === 14) {
    if (bytes[start + 3] !== DOT || bytes[start + 7] !== DOT || bytes[start + 11] !== DASH) return false;
    masked = true;
  } else if (n !== 11) {
    return false;
  }
  let s1 = 0;
  let s2 = 0;
  let k = 0;
  let first = -1;
  let same = true;
  let dv1 = -1;
  let dv2 = -1;
  for (let i = start; i < end; i++) {
    if (masked) {
      const rel = i - start;
      if (rel === 3 || rel === 7 || rel === 11) continue;
    }
    const d = digitAt(bytes, i);
    if (d < 0) return false;
    if (k === 0) first = d;
    else if (d !== first) same = false;
    if (k < 9) {
      s1 += d * (10 - k);
      s2 += d * (11 - k);
    } else if (k === 9) {
      dv1 = d;
    } else {
      dv2 = d;
    }
    k++;
  }
  if (same) return false;
  const r1 = s1 % 11;
  if (dv1 !== (r1 < 2 ? 0 : 11 - r1)) return false;
  const r2 = (s2 + dv1 * 2) % 11;
  return dv2 === (r2 < 2 ? 0 : 11 - r2);
}

/**
 * The unmasked CPF (the form DataSUS stores), unrolled: eleven loads, two weighted sums, no branches in
 * the digit loop. This straight-line form is what lifts the column rate above 20 M values/s.
 */
function cpfPlain(b: Uint8Array, s: number): boolean {
  const d0 = (b[s] ?? 0) - 48;
  const d1 = (b[s + 1] ?? 0) - 48;
  const d2 = (b[s + 2] ?? 0) - 48;
  const d3 = (b[s + 3] ?? 0) - 48;
  const d4 = (b[s + 4] ?? 0) - 48;
  const d5 = (b[s + 5] ?? 0) - 48;
  const d6 = (b[s + 6] ?? 0) - 48;
  const d7 = (b[s + 7] ?? 0) - 48;
  const d8 = (b[s + 8] ?? 0) - 48;
  const d9 = (b[s + 9] ?? 0) - 48;
  const d10 = (b[s + 10] ?? 0) - 48;
  // Unsigned compare: a byte below '0' wraps to a huge number, so one test per digit catches both ends.
  if (
    d0 >>> 0 > 9 || d1 >>> 0 > 9 || d2 >>> 0 > 9 || d3 >>> 0 > 9 || d4 >>> 0 > 9 || d5 >>> 0 > 9 ||
    d6 >>> 0 > 9 || d7 >>> 0 > 9 || d8 >>> 0 > 9 || d9 >>> 0 > 9 || d10 >>> 0 > 9
  ) {
    return false;
  }
  const s1 = 10 * d0 + 9 * d1 + 8 * d2 + 7 * d3 + 6 * d4 + 5 * d5 + 4 * d6 + 3 * d7 + 2 * d8;
  const r1 = s1 % 11;
  if (d9 !== (r1 < 2 ? 0 : 11 - r1)) return false;
  const s2 = s1 + d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7 + d8 + 2 * d9;
  const r2 = s2 % 11;
  if (d10 !== (r2 < 2 ? 0 : 11 - r2)) return false;
  // Only now test the reserved repeated-digit numbers (rare, and all of them pass the arithmetic).
  return !(d0 === d1 && d1 === d2 && d2 === d3 && d3 === d4 && d4 === d5 && d5 === d6 && d6 === d7 && d7 === d8 && d8 === d9 && d9 === d10);
}

const CNPJ_W1 = Int32Array.of(5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2);
const CNPJ_W2 = Int32Array.of(6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3);

/**
 * CNPJ, numeric or alphanumeric: 14 characters or `XX.XXX.XXX/XXXX-DD`; letters `A`–`Z` (or lower case)
 * in the first 12 positions, value = ASCII − 48; numeric repeated-digit numbers rejected.
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('12ABC34501DE35');
 * cnpjKernel(bytes, 0, bytes.length); // true
 * ```
 */
export function cnpjKernel(bytes: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n === 14) return cnpjPlain(bytes, start);
  let masked = false;
  if (n === 18) {
    if (bytes[start + 2] !== DOT || bytes[start + 6] !== DOT || bytes[start + 10] !== SLASH || bytes[start + 15] !== DASH) return false;
    masked = true;
  } else if (n !== 14) {
    return false;
  }
  let s1 = 0;
  let s2 = 0;
  let k = 0;
  let first = -1;
  let same = true;
  let dv1 = -1;
  let dv2 = -1;
  for (let i = start; i < end; i++) {
    if (masked) {
      const rel = i - start;
      if (rel === 2 || rel === 6 || rel === 10 || rel === 15) continue;
    }
    let c = bytes[i] ?? 0;
    if (k < 12) {
      if (c >= 97 && c <= 122) c -= 32;
      let v: number;
      if (c >= 48 && c <= 57) v = c - 48;
      else if (c >= 65 && c <= 90) {
        v = c - 48;
        same = false;
      } else return false;
      if (k === 0) first = v;
      else if (v !== first) same = false;
      s1 += v * (CNPJ_W1[k] ?? 0);
      s2 += v * (CNPJ_W2[k] ?? 0);
    } else {
      const d = c - 48;
      if (d < 0 || d > 9) return false;
      if (d !== first) same = false;
      if (k === 12) dv1 = d;
      else dv2 = d;
    }
    k++;
  }
  if (same) return false;
  const r1 = s1 % 11;
  if (dv1 !== (r1 < 2 ? 0 : 11 - r1)) return false;
  const r2 = (s2 + dv1 * 2) % 11;
  return dv2 === (r2 < 2 ? 0 : 11 - r2);
}

/** Value of one CNPJ base character (ASCII − 48, lower case folded), or −1 when not `0-9A-Za-z`. */
function cnpjValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 48;
  if (c >= 97 && c <= 122) return c - 80;
  return -1;
}

/** The unmasked 14-character CNPJ, unrolled (see {@link cpfPlain} for why). */
function cnpjPlain(b: Uint8Array, s: number): boolean {
  const v0 = cnpjValue(b[s] ?? 0);
  const v1 = cnpjValue(b[s + 1] ?? 0);
  const v2 = cnpjValue(b[s + 2] ?? 0);
  const v3 = cnpjValue(b[s + 3] ?? 0);
  const v4 = cnpjValue(b[s + 4] ?? 0);
  const v5 = cnpjValue(b[s + 5] ?? 0);
  const v6 = cnpjValue(b[s + 6] ?? 0);
  const v7 = cnpjValue(b[s + 7] ?? 0);
  const v8 = cnpjValue(b[s + 8] ?? 0);
  const v9 = cnpjValue(b[s + 9] ?? 0);
  const v10 = cnpjValue(b[s + 10] ?? 0);
  const v11 = cnpjValue(b[s + 11] ?? 0);
  const dv1 = (b[s + 12] ?? 0) - 48;
  const dv2 = (b[s + 13] ?? 0) - 48;
  if ((v0 | v1 | v2 | v3 | v4 | v5 | v6 | v7 | v8 | v9 | v10 | v11) < 0 || dv1 >>> 0 > 9 || dv2 >>> 0 > 9) return false;
  const s1 = 5 * v0 + 4 * v1 + 3 * v2 + 2 * v3 + 9 * v4 + 8 * v5 + 7 * v6 + 6 * v7 + 5 * v8 + 4 * v9 + 3 * v10 + 2 * v11;
  const r1 = s1 % 11;
  if (dv1 !== (r1 < 2 ? 0 : 11 - r1)) return false;
  const s2 = 6 * v0 + 5 * v1 + 4 * v2 + 3 * v3 + 2 * v4 + 9 * v5 + 8 * v6 + 7 * v7 + 6 * v8 + 5 * v9 + 4 * v10 + 3 * v11 + 2 * dv1;
  const r2 = s2 % 11;
  if (dv2 !== (r2 < 2 ? 0 : 11 - r2)) return false;
  // Reserved: the ten numeric all-same-digit CNPJs (letters have values above 9, digits equal each other).
  return !(v0 <= 9 && v0 === v1 && v1 === v2 && v2 === v3 && v3 === v4 && v4 === v5 && v5 === v6 && v6 === v7 &&
    v7 === v8 && v8 === v9 && v9 === v10 && v10 === v11 && v11 === dv1 && dv1 === dv2);
}

/**
 * CNS: 15 digits (or `000 0000 0000 0000`); official 1/2 (PIS-derived) and 7/8/9 (provisional) rules.
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('700000000000005');
 * cnsKernel(bytes, 0, bytes.length); // true
 * ```
 */
export function cnsKernel(bytes: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  let masked = false;
  if (n === 18) {
    if (bytes[start + 3] !== SPACE || bytes[start + 8] !== SPACE || bytes[start + 13] !== SPACE) return false;
    masked = true;
  } else if (n !== 15) {
    return false;
  }
  let soma11 = 0;
  let soma15 = 0;
  let k = 0;
  let first = -1;
  let tail = 0; // digits 11..14 as a number, e.g. 0003 for "000" + "3"
  for (let i = start; i < end; i++) {
    if (masked) {
      const rel = i - start;
      if (rel === 3 || rel === 8 || rel === 13) continue;
    }
    const d = digitAt(bytes, i);
    if (d < 0) return false;
    if (k === 0) first = d;
    const weighted = d * (15 - k);
    soma15 += weighted;
    if (k < 11) soma11 += weighted;
    else tail = tail * 10 + d;
    k++;
  }
  if (first === 1 || first === 2) {
    let dv = 11 - (soma11 % 11);
    if (dv === 11) dv = 0;
    if (dv === 10) {
      const dv2 = 11 - ((soma11 + 2) % 11);
      return dv2 !== 11 && tail === 10 + dv2; // "001" + dv2
    }
    return tail === dv; // "000" + dv
  }
  if (first >= 7) return soma15 % 11 === 0;
  return false;
}

/**
 * CNES, strict: 7 digits whose last digit matches the empirical mod-11 check digit
 * (see `cnes.ts`: a mismatch is a warning in scalar validation).
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('2321742');
 * cnesKernel(bytes, 0, bytes.length); // true
 * ```
 */
export function cnesKernel(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 7) return false;
  let s = 0;
  for (let k = 0; k < 6; k++) {
    const d = digitAt(bytes, start + k);
    if (d < 0) return false;
    s += d * (7 - k);
  }
  const last = digitAt(bytes, start + 6);
  const r = s % 11;
  return last >= 0 && r !== 1 && last === (r === 0 ? 0 : 11 - r);
}

/**
 * CNES, structural: 7 digits.
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('2321743');
 * cnesFormatKernel(bytes, 0, bytes.length); // true (the check digit is only a warning)
 * ```
 */
export function cnesFormatKernel(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 7) return false;
  for (let i = start; i < end; i++) if (digitAt(bytes, i) < 0) return false;
  return true;
}

const UF_CODE = new Uint8Array(100);
for (const uf of [11, 12, 13, 14, 15, 16, 17, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31, 32, 33, 35, 41, 42, 43, 50, 51, 52, 53]) UF_CODE[uf] = 1;

/** 7-digit codes (as numbers) that are official exceptions to the check-digit rule. */
const IBGE_EXCEPTIONS = new Set([2201919, 2201988, 2202251, 2611533, 3117836, 3152131, 4305871, 5203939, 5203962]);
const IBGE_EXCEPTION_BODIES = new Set([...IBGE_EXCEPTIONS].map((code) => Math.floor(code / 10)));

/**
 * IBGE municipality code: 6 digits (UF prefix checked) or 7 digits (plus check digit / nine exceptions).
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('3550308');
 * ibgeKernel(bytes, 0, bytes.length); // true
 * ```
 */
export function ibgeKernel(bytes: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if (n !== 6 && n !== 7) return false;
  let body = 0;
  let sum = 0;
  for (let k = 0; k < 6; k++) {
    const d = digitAt(bytes, start + k);
    if (d < 0) return false;
    body = body * 10 + d;
    const p = (k & 1) === 0 ? d : d * 2;
    sum += p >= 10 ? p - 9 : p;
  }
  if (UF_CODE[Math.floor(body / 10000)] !== 1 || body % 10000 === 0) return false;
  if (n === 6) return true;
  const last = digitAt(bytes, start + 6);
  if (last < 0) return false;
  if (IBGE_EXCEPTION_BODIES.has(body)) return IBGE_EXCEPTIONS.has(body * 10 + last);
  return last === (10 - (sum % 10)) % 10;
}

/**
 * CID-10 format: optional `*`, a letter, two digits, optional `.`, optional digit or `X`.
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('*R58X');
 * cid10Kernel(bytes, 0, bytes.length); // true
 * ```
 */
export function cid10Kernel(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (bytes[i] === 42) i++; // '*'
  if (end - i < 3) return false;
  let c = bytes[i] ?? 0;
  if (c >= 97 && c <= 122) c -= 32;
  if (c < 65 || c > 90) return false;
  if (digitAt(bytes, i + 1) < 0 || digitAt(bytes, i + 2) < 0) return false;
  i += 3;
  if (i === end) return true;
  if (bytes[i] === DOT) i++;
  if (end - i !== 1) return false;
  const last = bytes[i] ?? 0;
  return (last >= 48 && last <= 57) || last === 88 || last === 120;
}
