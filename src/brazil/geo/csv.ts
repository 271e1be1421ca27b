/**
 * A small CSV parser for DataSUS tables: `;` or `,` delimited (the territorial base uses both, even in
 * one archive), optional double quotes with `""` escapes, CRLF or LF line ends.
 *
 * @module
 */

/**
 * Options of {@link parseCsv}.
 *
 * @example
 * ```ts
 * parseCsv(text, { delimiter: ',' });
 * ```
 */
export interface ParseCsvOptions {
  /** Field delimiter; detected from the header line when omitted (`;` if it has more `;` than `,`). */
  readonly delimiter?: ';' | ',' | '\t';
}

/**
 * Parses CSV text into records keyed by the (trimmed) header names; values are trimmed, empty → `''`.
 *
 * @example
 * ```ts
 * parseCsv('CO_MUNICIP;DS_NOME\n355030;São Paulo\n'); // [{ CO_MUNICIP: '355030', DS_NOME: 'São Paulo' }]
 * ```
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): Record<string, string>[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = options.delimiter ?? ((firstLine.split(';').length >= firstLine.split(',').length) ? ';' : ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...data] = rows.filter((r) => r.some((cell) => cell.trim() !== ''));
  if (header === undefined) return [];
  const names = header.map((name) => name.trim());
  return data.map((cells) => Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? '').trim()])));
}
