/**
 * The territory model: municipalities with their UF, region, health region and health macro-region,
 * looked up by 6- or 7-digit code. Built from the DataSUS territorial base or from CADMUN (parsers in
 * `territorial-base.ts` and `cadmun.ts`); nothing about municipalities is embedded in the library.
 *
 * @module
 */
import { ArrowSusError } from '../../errors.js';
import { toIbge7 } from '../validate/ibge.js';
import { ufOfMunicipality, type Region, type Uf } from './ufs.js';

/**
 * A health region (região de saúde) or health macro-region (macrorregião de saúde).
 *
 * @example
 * ```ts
 * territory.municipality('310620')?.macroRegion; // { code: '3103', name: 'Centro' }
 * ```
 */
export interface HealthArea {
  readonly code: string;
  /** Undefined when the source table carries codes only (CADMUN). */
  readonly name: string | undefined;
}

/**
 * One municipality (or a special DataSUS code such as `000000` "Ignorado ou exterior").
 *
 * @example
 * ```ts
 * const { name, uf, healthRegion } = territory.getMunicipality('3550308');
 * ```
 */
export interface Municipality {
  /** 6-digit code, as in DataSUS microdata. */
  readonly code6: string;
  /** 7-digit IBGE code with check digit; undefined for special codes. */
  readonly code7: string | undefined;
  readonly name: string;
  /** Undefined for codes without a UF prefix (`000000`). */
  readonly uf: Uf | undefined;
  readonly region: Region | undefined;
  readonly healthRegion: HealthArea | undefined;
  readonly macroRegion: HealthArea | undefined;
  /** Status as the source writes it (`ATIVO`, `TRANS`, `IGNOR`, `EXTIN` …). */
  readonly status: string | undefined;
}

/**
 * One municipality row as a parser hands it to {@link Territory}.
 *
 * @example
 * ```ts
 * const row: MunicipalityRow = { code6: '310620', code7: '3106200', name: 'Belo Horizonte', healthRegionCode: '31016' };
 * ```
 */
export interface MunicipalityRow {
  readonly code6: string;
  readonly code7?: string | undefined;
  readonly name: string;
  readonly status?: string | undefined;
  readonly healthRegionCode?: string | undefined;
  readonly macroRegionCode?: string | undefined;
}

/**
 * Everything {@link Territory} is built from.
 *
 * @example
 * ```ts
 * new Territory({ municipalities: [{ code6: '310620', name: 'Belo Horizonte' }], source: 'inline' });
 * ```
 */
export interface TerritoryInput {
  readonly municipalities: readonly MunicipalityRow[];
  /** Health region code → name. */
  readonly healthRegions?: ReadonlyMap<string, string>;
  /** Macro-region code → name. */
  readonly macroRegions?: ReadonlyMap<string, string>;
  /** Health region code → macro-region code, used when a municipality row has no macro-region. */
  readonly healthRegionMacro?: ReadonlyMap<string, string>;
  /** Where the tables came from (URL or file), for provenance. */
  readonly source: string;
}

const blank = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

/**
 * Municipalities by code, with their administrative and health geography.
 *
 * @example
 * ```ts
 * const territory = await loadTerritory({ source, cacheDir });
 * territory.municipality('3106200')?.macroRegion; // { code: '3103', name: 'Centro' }
 * ```
 */
export class Territory implements Iterable<Municipality> {
  /** Where the tables came from. */
  readonly source: string;
  readonly #byCode6 = new Map<string, Municipality>();
  readonly #byCode7 = new Map<string, Municipality>();

  constructor(input: TerritoryInput) {
    this.source = input.source;
    for (const row of input.municipalities) {
      const code6 = row.code6.trim();
      if (!/^\d{6}$/.test(code6)) continue;
      const uf = ufOfMunicipality(code6);
      const regionCode = blank(row.healthRegionCode);
      const macroCode = blank(row.macroRegionCode) ?? (regionCode === undefined ? undefined : input.healthRegionMacro?.get(regionCode));
      const given7 = blank(row.code7);
      const municipality: Municipality = {
        code6,
        code7: given7 !== undefined && /^\d{7}$/.test(given7) && !given7.endsWith('00000') ? given7 : toIbge7(code6),
        name: row.name.trim(),
        uf,
        region: uf?.region,
        healthRegion: regionCode === undefined ? undefined : { code: regionCode, name: input.healthRegions?.get(regionCode) },
        macroRegion: macroCode === undefined ? undefined : { code: macroCode, name: input.macroRegions?.get(macroCode) },
        status: blank(row.status),
      };
      this.#byCode6.set(code6, municipality);
      if (municipality.code7 !== undefined) this.#byCode7.set(municipality.code7, municipality);
    }
  }

  /** Number of codes (municipalities plus special codes). */
  get size(): number {
    return this.#byCode6.size;
  }

  /**
   * A municipality by 6- or 7-digit code, or `undefined`.
   *
   * @example
   * ```ts
   * territory.municipality('355030')?.name; // 'São Paulo'
   * ```
   */
  municipality(code: string): Municipality | undefined {
    const text = code.trim();
    if (text.length === 7) return this.#byCode7.get(text) ?? this.#byCode6.get(text.slice(0, 6));
    return this.#byCode6.get(text);
  }

  /**
   * Like {@link Territory.municipality} but throws `DOMAIN_INVALID_CODE` for unknown codes.
   *
   * @example
   * ```ts
   * territory.getMunicipality('3550308').uf?.abbreviation; // 'SP'
   * ```
   */
  getMunicipality(code: string): Municipality {
    const found = this.municipality(code);
    if (found === undefined) {
      throw new ArrowSusError('DOMAIN_INVALID_CODE', `brazil: municipality ${code} is not in the territorial table (${this.source})`, { details: { code } });
    }
    return found;
  }

  [Symbol.iterator](): Iterator<Municipality> {
    return this.#byCode6.values();
  }
}
