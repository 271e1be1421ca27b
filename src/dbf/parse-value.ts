/**
 * Parsers for the ASCII number, date and logical forms DBF stores in fixed-width fields. Shared by
 * the column decoder and the predicate compiler, so a filter sees exactly the value a decoded
 * column would hold.
 *
 * @module
 */

/**
 * Outcome of the last parse (plain numbers, not an enum: read on every cell).
 *
 * @example
 * ```ts
 * parseDbfNumber(bytes, s, e);
 * if (parseState.status === ParseStatus.Invalid) unparsable++;
 * ```
 */
export const ParseStatus = {
  Ok: 0,
  /** Only blanks/NULs (or zeros for dates): a null, not an error. */
  Blank: 1,
  /** Anything else: a null that is counted as unparsable. */
  Invalid: 2,
} as const;

/**
 * Status of the last parse, and whether it needed the long path (more than 15 significant
 * digits, where `number` cannot hold every integer exactly). Module state rather than a returned
 * object: the parsers run once per cell and must not allocate.
 *
 * @example
 * ```ts
 * const value = parseDbfNumber(bytes, s, e);
 * if (parseState.status === ParseStatus.Ok && parseState.long) exact = BigInt(lastNumberText(bytes));
 * ```
 */
export const parseState = { status: 0 as number, long: false, start: 0, end: 0 };

const POW10: number[] = [];
for (let k = 0; k <= 22; k++) POW10.push(10 ** k);

function isPad(b: number): boolean {
  return b === 0x20 || b === 0x00;
}

/**
 * Where a text field ends once its trailing blanks — and the NUL padding some writers use — are cut
 * off (`start` when the field is all blank).
 *
 * @example
 * ```ts
 * trimmedEnd(new TextEncoder().encode('SP  '), 0, 4); // 2
 * ```
 */
export function trimmedEnd(bytes: Uint8Array, start: number, end: number): number {
  let e = end;
  while (e > start && isPad(bytes[e - 1] as number)) e--;
  return e;
}

/**
 * Parses a DBF number (`N`/`F`) in `bytes[start, end)`: optional blanks, sign, digits, one `.`
 * (or `,`, seen in Brazilian exports) and an optional exponent. Sets {@link parseState}; returns
 * NaN unless the status is Ok. Up to 15 digits the result is `mantissa / 10^scale`, one correctly
 * rounded division (equal to `parseFloat`); longer inputs fall back to `Number()`.
 *
 * @example
 * ```ts
 * parseDbfNumber(new TextEncoder().encode('  -12.50'), 0, 8); // -12.5
 * ```
 */
export function parseDbfNumber(bytes: Uint8Array, start: number, end: number): number {
  let s = start;
  let e = end;
  while (s < e && isPad(bytes[s] as number)) s++;
  while (e > s && isPad(bytes[e - 1] as number)) e--;
  parseState.start = s;
  parseState.end = e;
  parseState.long = false;
  if (s === e) {
    parseState.status = ParseStatus.Blank;
    return NaN;
  }
  let negative = false;
  const first = bytes[s] as number;
  if (first === 0x2d) {
    negative = true;
    s++;
  } else if (first === 0x2b) {
    s++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (let i = s; i < e; i++) {
    const c = bytes[i] as number;
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      if (mantissa !== 0) digits++;
      if (dot) scale++;
    } else if ((c === 0x2e || c === 0x2c) && !dot) {
      dot = true;
    } else if ((c === 0x65 || c === 0x45) && i > s) {
      return parseSlow(bytes, parseState.start, e);
    } else {
      parseState.status = ParseStatus.Invalid;
      return NaN;
    }
  }
  if (e - s === (dot ? 1 : 0)) {
    // a lone sign or a lone dot
    parseState.status = ParseStatus.Invalid;
    return NaN;
  }
  if (digits > 15 || scale > 22) return parseSlow(bytes, parseState.start, e);
  parseState.status = ParseStatus.Ok;
  const value = scale === 0 ? mantissa : mantissa / (POW10[scale] as number);
  return negative ? -value : value;
}

function parseSlow(bytes: Uint8Array, s: number, e: number): number {
  let text = '';
  for (let i = s; i < e; i++) text += String.fromCharCode(bytes[i] as number);
  text = text.replace(',', '.');
  parseState.long = true;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    parseState.status = ParseStatus.Invalid;
    return NaN;
  }
  parseState.status = ParseStatus.Ok;
  return Number(text);
}

/**
 * The text of the last parsed number with `,` read as `.` (for exact BigInt/decimal paths).
 *
 * @example
 * ```ts
 * parseDbfNumber(bytes, 0, 20); if (parseState.long) BigInt(lastNumberText(bytes));
 * ```
 */
export function lastNumberText(bytes: Uint8Array): string {
  let text = '';
  for (let i = parseState.start; i < parseState.end; i++) text += String.fromCharCode(bytes[i] as number);
  return text.replace(',', '.');
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
 *
 * @example
 * ```ts
 * daysFromCivil(2020, 1, 1); // 18262
 * ```
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a DBF date (`YYYYMMDD`) at `bytes[start, start+8)` into days since the epoch. Sets
 * `parseState.status`: Blank for blanks, zeros or NULs (the usual "no date"), Invalid for anything
 * that is not a real calendar date (month 13, 30 February, letters).
 *
 * @example
 * ```ts
 * parseDbfDate(new TextEncoder().encode('20200101'), 0); // 18262
 * ```
 */
export function parseDbfDate(bytes: Uint8Array, start: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let blank = true;
  for (let i = 0; i < 8; i++) {
    const c = bytes[start + i] as number;
    const d = c - 0x30;
    if (d < 0 || d > 9) {
      if (c !== 0x20 && c !== 0x00) blank = false;
      year = -1;
      continue;
    }
    if (d !== 0) blank = false;
    if (year < 0) continue;
    if (i < 4) year = year * 10 + d;
    else if (i < 6) month = month * 10 + d;
    else day = day * 10 + d;
  }
  if (blank) {
    parseState.status = ParseStatus.Blank;
    return 0;
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > (MONTH_DAYS[month] as number)) {
    parseState.status = ParseStatus.Invalid;
    return 0;
  }
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) {
    parseState.status = ParseStatus.Invalid;
    return 0;
  }
  parseState.status = ParseStatus.Ok;
  return daysFromCivil(year, month, day);
}

/**
 * Parses a DBF logical byte: `TtYy` → 1, `FfNn` → 0, `?`, blank or NUL → Blank, else Invalid.
 *
 * @example
 * ```ts
 * parseDbfLogical(0x54); // 1
 * ```
 */
export function parseDbfLogical(byte: number): number {
  if (byte === 0x54 || byte === 0x74 || byte === 0x59 || byte === 0x79) {
    parseState.status = ParseStatus.Ok;
    return 1;
  }
  if (byte === 0x46 || byte === 0x66 || byte === 0x4e || byte === 0x6e) {
    parseState.status = ParseStatus.Ok;
    return 0;
  }
  parseState.status = byte === 0x3f || byte === 0x20 || byte === 0x00 ? ParseStatus.Blank : ParseStatus.Invalid;
  return 0;
}
