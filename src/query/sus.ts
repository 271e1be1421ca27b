/**
 * The entry point of the typed builder: `sus.<system>.<group>()` for the main datasets, with
 * their known columns and cadence, and `sus.table(name)` for any other engine table (columns
 * typed as plain strings). Pure: `createSus(runner)` binds the engine that `.collect()` uses.
 *
 * @module
 */
import { datasetQuery, type Cadence, type ColumnMap, type DatasetQuery, type QueryRunner } from './builder.js';
import type {
  CIHA,
  CNES_EQ,
  CNES_LT,
  CNES_PF,
  CNES_SR,
  CNES_ST,
  IBGE_POPT,
  SIA_BI,
  SIA_PA,
  SIH_RD,
  SIH_RJ,
  SIH_SP,
  SIM_DO,
  SINAN_CHIK,
  SINAN_DENG,
  SINAN_ZIKA,
  SINASC_DN,
} from './columns.js';

type Start<C extends ColumnMap, G extends Cadence, R> = () => DatasetQuery<C, G, false, false, R>;

/**
 * The builder namespace (see {@link createSus}).
 *
 * @example
 * ```ts
 * const q: Sus['sih']['rd'] = sus.sih.rd;
 * ```
 */
export interface Sus<R = unknown> {
  readonly sih: { readonly rd: Start<typeof SIH_RD, 'monthly', R>; readonly sp: Start<typeof SIH_SP, 'monthly', R>; readonly rj: Start<typeof SIH_RJ, 'monthly', R> };
  readonly sia: { readonly pa: Start<typeof SIA_PA, 'monthly', R>; readonly bi: Start<typeof SIA_BI, 'monthly', R> };
  readonly ciha: Start<typeof CIHA, 'monthly', R>;
  readonly cnes: {
    readonly st: Start<typeof CNES_ST, 'monthly', R>;
    readonly pf: Start<typeof CNES_PF, 'monthly', R>;
    readonly lt: Start<typeof CNES_LT, 'monthly', R>;
    readonly eq: Start<typeof CNES_EQ, 'monthly', R>;
    readonly sr: Start<typeof CNES_SR, 'monthly', R>;
  };
  /** `do` reads both eras (CID-9 before 1996, CID-10 since) as one table. */
  readonly sim: { readonly do: Start<typeof SIM_DO, 'yearly', R> };
  readonly sinasc: { readonly dn: Start<typeof SINASC_DN, 'yearly', R> };
  readonly sinan: { readonly deng: Start<typeof SINAN_DENG, 'yearly', R>; readonly chik: Start<typeof SINAN_CHIK, 'yearly', R>; readonly zika: Start<typeof SINAN_ZIKA, 'yearly', R> };
  /** IBGE population estimates per municipality (`MUNIC_RES`, `ANO`, `POPULACAO`). */
  readonly ibge: { readonly popt: Start<typeof IBGE_POPT, 'yearly', R> };
  /** Any engine table by name; its columns are not known to the compiler. */
  table<G extends Cadence = 'yearly'>(name: string): DatasetQuery<Readonly<Record<string, 'Utf8'>>, G, false, false, R>;
}

/**
 * Builds the namespace, with `runner` as the engine `.collect()` uses by default.
 *
 * @example
 * ```ts
 * const mySus = createSus({ run: async (sql) => (await engine.query(sql)).toTable() });
 * const table = await mySus.sim.do().uf('AC').year(2022).collect();
 * ```
 */
export function createSus<R = unknown>(runner?: QueryRunner<R>): Sus<R> {
  const start = <C extends ColumnMap, G extends Cadence>(table: string): Start<C, G, R> => () => datasetQuery<C, G, R>(table, runner);
  return {
    sih: { rd: start('sih_rd'), sp: start('sih_sp'), rj: start('sih_rj') },
    sia: { pa: start('sia_pa'), bi: start('sia_bi') },
    ciha: start('ciha'),
    cnes: { st: start('cnes_st'), pf: start('cnes_pf'), lt: start('cnes_lt'), eq: start('cnes_eq'), sr: start('cnes_sr') },
    sim: { do: start('sim_do') },
    sinasc: { dn: start('sinasc_dn') },
    sinan: { deng: start('sinan_deng'), chik: start('sinan_chik'), zika: start('sinan_zika') },
    ibge: { popt: start('ibge_popt') },
    table: <G extends Cadence = 'yearly'>(name: string) => datasetQuery<Readonly<Record<string, 'Utf8'>>, G, R>(name, runner),
  };
}
