/**
 * CBO (Classificação Brasileira de Ocupações) descriptions, from the official files read at run time:
 * a TabWin conversion file (`CBO2002.CNV` in `SIM/CID10/TAB/OBITOS_CID10_TAB.zip`), a DBF table
 * (`CBO_02.dbf` in `TAB_CNES.zip`: `CBO`, `DS_CBO`), or SIGTAP's `tb_ocupacao.txt` (fixed width, described by
 * `tb_ocupacao_layout.txt`).
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';
import { parseCnv, type ParseCnvOptions } from '../labels/cnv.js';
import { cell, type TableRow } from '../geo/rows.js';

/**
 * Occupation code (6 characters; `2231-05` → `223105`; CNES also uses codes with letters such as `2231F9`) → description.
 *
 * @example
 * ```ts
 * const cbo = cboFromDbfRows(rows, 'CBO_02.dbf');
 * cbo.get('010105'); // 'OFICIAL GENERAL DA AERONAUTICA'
 * ```
 */
export class CboTable {
  readonly #names: Map<string, string>;
  readonly source: string;

  constructor(entries: Iterable<readonly [string, string]>, source: string) {
    this.#names = new Map([...entries].map(([code, name]) => [code.replace(/[\s.-]/g, '').toUpperCase(), name.trim()]));
    this.source = source;
  }

  /** Number of occupations. */
  get size(): number {
    return this.#names.size;
  }

  /**
   * The description of an occupation code (`223105` or `2231-05`).
   *
   * @example
   * ```ts
   * cbo.get('2231-05');
   * ```
   */
  get(code: string): string | undefined {
    return this.#names.get(code.replace(/[\s.-]/g, '').toUpperCase());
  }
}

function nonEmpty(entries: (readonly [string, string])[], source: string): (readonly [string, string])[] {
  if (entries.length === 0) throw new ArrowSusError('DOMAIN_TABLE_INVALID', `brazil: ${source} holds no CBO codes`);
  return entries;
}

/**
 * From DBF rows with `CBO`/`DS_CBO` (CNES) or `CO_OCUPACAO`/`NO_OCUPACAO` (SIGTAP-style) columns.
 *
 * @example
 * ```ts
 * cboFromDbfRows(await readDbfRows(bytes), 'CBO_02.dbf').size; // 2,768 in TAB_CNES
 * ```
 */
export function cboFromDbfRows(rows: readonly TableRow[], source: string): CboTable {
  const entries = rows.flatMap((row) => {
    const code = cell(row, 'CBO') ?? cell(row, 'CO_OCUPACAO');
    const name = cell(row, 'DS_CBO') ?? cell(row, 'NO_OCUPACAO');
    return code === undefined || name === undefined ? [] : [[code, name] as const];
  });
  return new CboTable(nonEmpty(entries, source), source);
}

/**
 * From a TabWin conversion file (`CBO2002.CNV`): each category's codes get its label.
 *
 * @example
 * ```ts
 * cboFromCnv(cnvBytes, 'CBO2002.CNV').get('225125');
 * ```
 */
export function cboFromCnv(input: Uint8Array | string, source: string, options: ParseCnvOptions = {}): CboTable {
  const cnv = parseCnv(input, { ...options, name: source });
  const entries = cnv.categories.flatMap((category) => category.codes.map((code) => [code, category.label] as const));
  return new CboTable(nonEmpty(entries, source), source);
}

/**
 * From SIGTAP `tb_ocupacao.txt` and its layout file (`Coluna,Tamanho,Inicio,Fim,Tipo` lines).
 *
 * @example
 * ```ts
 * cboFromSigtap(tableText, layoutText, 'tb_ocupacao.txt');
 * ```
 */
export function cboFromSigtap(table: string, layout: string, source: string): CboTable {
  const columns = new Map<string, [number, number]>();
  for (const line of layout.split(/\r?\n/).slice(1)) {
    const [name, , start, end] = line.split(',');
    if (name !== undefined && start !== undefined && end !== undefined) columns.set(name.trim().toUpperCase(), [Number(start) - 1, Number(end)]);
  }
  const code = columns.get('CO_OCUPACAO');
  const name = columns.get('NO_OCUPACAO');
  if (code === undefined || name === undefined) {
    throw new ArrowSusError('DOMAIN_TABLE_INVALID', `brazil: ${source}: the layout has no CO_OCUPACAO/NO_OCUPACAO columns`);
  }
  const entries = table
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => [line.slice(code[0], code[1]), line.slice(name[0], name[1])] as const);
  return new CboTable(nonEmpty(entries, source), source);
}
