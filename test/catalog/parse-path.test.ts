import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandYear, parsePath } from '../../src/catalog/index.js';

const P = '/dissemin/publicos';

/** Fields worth asserting, in one object so a failure shows the whole picture. */
const brief = (path: string) => {
  const p = parsePath(path);
  return { dataset: p.dataset, uf: p.uf, year: p.year, month: p.month, part: p.part, kind: p.kind, preliminary: p.preliminary };
};

describe('parsePath: tricky names from each system', () => {
  it.each([
    // SIH: old and new folders, lower-case stems, national CH/CM
    [`${P}/SIHSUS/199201_200712/Dados/spto0701.dbc`, { dataset: 'sih-sp', uf: 'TO', year: 2007, month: 1 }],
    [`${P}/SIHSUS/200801_/Dados/RDAC0801.dbc`, { dataset: 'sih-rd', uf: 'AC', year: 2008, month: 1 }],
    [`${P}/SIHSUS/200801_/Dados/CHBR1901.dbc`, { dataset: 'sih-ch', uf: 'BR', year: 2019, month: 1 }],
    // SIA: 3-letter groups, AM+PA vs AMP+RO, split parts, upper-case extension in the old folder
    [`${P}/SIASUS/200801_/Dados/AMPA0801.dbc`, { dataset: 'sia-am', uf: 'PA', year: 2008, month: 1 }],
    [`${P}/SIASUS/200801_/Dados/AMPRO2504.dbc`, { dataset: 'sia-amp', uf: 'RO', year: 2025, month: 4 }],
    [`${P}/SIASUS/200801_/Dados/ABOCE1401.dbc`, { dataset: 'sia-abo', uf: 'CE', year: 2014, month: 1 }],
    [`${P}/SIASUS/200801_/Dados/PASP1112a.dbc`, { dataset: 'sia-pa', uf: 'SP', year: 2011, month: 12, part: 'a' }],
    [`${P}/SIASUS/200801_/Dados/BIMG2412_2.dbc`, { dataset: 'sia-bi', uf: 'MG', year: 2024, month: 12, part: '2' }],
    [`${P}/SIASUS/199407_200712/Dados/PAAC9407.DBC`, { dataset: 'sia-pa', uf: 'AC', year: 1994, month: 7 }],
    [`${P}/SIASUS/APAC/2002/acac0206.exe`, { dataset: 'sia-ac', uf: 'AC', year: 2002, month: 6 }],
    // SIM: the DOR ambiguity, national subsets, PRELIM
    [`${P}/SIM/CID9/DORES/DORAC79.DBC`, { dataset: 'sim-do-cid09', uf: 'AC', year: 1979 }],
    [`${P}/SIM/CID9/DORES/DORBR95.dbc`, { dataset: 'sim-do-cid09', uf: 'BR', year: 1995 }],
    [`${P}/SIM/CID10/DORES/DORJ1996.dbc`, { dataset: 'sim-do-cid10', uf: 'RJ', year: 1996 }],
    [`${P}/SIM/CID10/DORES/DORO2024.dbc`, { dataset: 'sim-do-cid10', uf: 'RO', year: 2024 }],
    [`${P}/SIM/CID10/DOFET/DOREXT13.dbc`, { dataset: 'sim-dorext-cid10', uf: null, year: 2013 }],
    [`${P}/SIM/CID9/DOFET/DOINF86.DBC`, { dataset: 'sim-doinf-cid09', uf: null, year: 1986 }],
    [`${P}/SIM/CID9/DOIGN/DORIG95.DBC`, { dataset: 'sim-do-cid09', uf: 'IG', year: 1995 }],
    [`${P}/SIM/PRELIM/DORES/DOAP2026.dbc`, { dataset: 'sim-do-cid10', uf: 'AP', year: 2026, preliminary: true }],
    // SINASC: DNR (1994–95) vs DN + RR, the aliases NOV/ANT, 2-digit copies in ANT
    [`${P}/SINASC/1994_1995/Dados/DNRES/DNRRR1994.dbc`, { dataset: 'sinasc-dn', uf: 'RR', year: 1994 }],
    [`${P}/SINASC/1996_/Dados/DNRES/DNRR2022.dbc`, { dataset: 'sinasc-dn', uf: 'RR', year: 2022 }],
    [`${P}/SINASC/NOV/DNRES/DNRR2022.dbc`, { dataset: 'sinasc-dn', uf: 'RR', year: 2022 }],
    [`${P}/SINASC/ANT/DNRES/DNRAC94.DBC`, { dataset: 'sinasc-dn', uf: 'AC', year: 1994 }],
    [`${P}/SINASC/1996_/Dados/DNRES/DNEX2014.dbc`, { dataset: 'sinasc-dnex', uf: null, year: 2014 }],
    // CNES: group from its sub-folder
    [`${P}/CNES/200508_/Dados/ST/STAC2001.DBF`, { dataset: 'cnes-st', uf: 'AC', year: 2020, month: 1 }],
    // SINAN: 3-letter SRC, misnamed LERBR19, PRELIM, open-data copies
    [`${P}/SINAN/DADOS/PRELIM/SRCBR07.dbc`, { dataset: 'sinan-src', uf: 'BR', year: 2007, preliminary: true }],
    [`${P}/SINAN/DADOS/FINAIS/LERBR19.dbc`, { dataset: 'sinan-lerd', uf: 'BR', year: 2019 }],
    [`${P}/Dados_Abertos/SINAN/Dengue/csv/DENGBR25.csv.zip`, { dataset: 'sinan-deng', uf: 'BR', year: 2025 }],
    // SISMAMA CM is not SIH CM
    [`${P}/SISCAN/SISMAMA/Dados/CMPB1411.dbc`, { dataset: 'sismama-cm', uf: 'PB', year: 2014, month: 11 }],
    [`${P}/SISCAN/SISCOLO4/Dados/CCAC0601.dbc`, { dataset: 'siscolo-cc', uf: 'AC', year: 2006, month: 1 }],
    // PNI plain DBF, IG and the per-UF consolidation
    [`${P}/PNI/DADOS/CPNIAC00.DBF`, { dataset: 'pni-cpni', uf: 'AC', year: 2000 }],
    [`${P}/PNI/DADOS/DPNIIG13.dbf`, { dataset: 'pni-dpni', uf: 'IG', year: 2013 }],
    [`${P}/PNI/DADOS/CPNIUF94.DBF`, { dataset: 'pni-cpniuf', uf: null, year: 1994 }],
    // Others
    [`${P}/CIHA/201101_/Dados/CIHASP2601.dbc`, { dataset: 'ciha', uf: 'SP', year: 2026, month: 1 }],
    [`${P}/PAINEL_ONCOLOGIA/DADOS/POBR2013.dbc`, { dataset: 'po', uf: 'BR', year: 2013 }],
    [`${P}/painel_oncologia/Dados/POBR2026.dbc`, { dataset: 'po', uf: 'BR', year: 2026 }],
    [`${P}/PCE/Dados/PCESE23.dbc`, { dataset: 'pce', uf: 'SE', year: 2023 }],
    [`${P}/IBGE/projpop/PROJUF70.dbf`, { dataset: 'ibge-projpop', uf: null, year: 2070 }],
    [`${P}/IBGE/POP/POPBR80.zip`, { dataset: 'base-populacional-ibge-pop', uf: 'BR', year: 1980 }],
    ['/territorio/tabelas/2024/03-base_territorial_mar.zip', { dataset: 'base-territorial', year: 2024, month: 3 }],
    ['/territorio/tabelas/2024/12-base territorial_dez24.zip', { dataset: 'base-territorial', year: 2024, month: 12 }],
    ['/territorio/mapas/to_mapas_2013.zip', { dataset: 'base-territorial-mapas', uf: 'TO', year: 2013 }],
    ['/territorio/conversoes/br_cnv.zip', { dataset: 'base-territorial-conversao', uf: 'BR', year: null }],
  ] as const)('%s', (path, expected) => {
    expect(brief(path)).toMatchObject(expected);
  });
});

describe('parsePath: rules that cut across systems', () => {
  it('reads the same file name by its folder: CM is SIH in SIHSUS and SISMAMA in SISCAN', () => {
    expect(parsePath(`${P}/SIHSUS/200801_/Dados/CMBR1901.dbc`).system).toBe('SIH');
    expect(parsePath(`${P}/SISCAN/SISMAMA/Dados/CMBA0901.dbc`).system).toBe('SISMAMA');
    // A national CM file in the SISMAMA folder follows no SISMAMA rule.
    expect(parsePath(`${P}/SISCAN/SISMAMA/Dados/CMBR1901.dbc`).dataset).toBeNull();
  });

  it('matches extensions case-insensitively and reports them in lower case', () => {
    for (const name of ['DOAC1996.dbc', 'DOAC1996.DBC', 'DOAC1996.Dbc', 'doac1996.dbc']) {
      const p = parsePath(`${P}/SIM/CID10/DORES/${name}`);
      expect([p.dataset, p.uf, p.year, p.extension]).toEqual(['sim-do-cid10', 'AC', 1996, 'dbc']);
    }
  });

  it('compares folders case-insensitively (the server is)', () => {
    expect(parsePath(`${P}/pce/dados/PCEBA95.dbc`).dataset).toBe('pce');
    expect(parsePath(`${P}/SINASC/1996_/DADOS/DNRES/DNAC2000.dbc`).dataset).toBe('sinasc-dn');
  });

  it('accepts URLs, relative paths, local mirrors and bare names', () => {
    expect(parsePath('ftp://ftp.datasus.gov.br/dissemin/publicos/SIHSUS/200801_/Dados/RDSP2401.dbc').dataset).toBe('sih-rd');
    expect(parsePath('SIHSUS/200801_/Dados/RDSP2401.dbc').folder).toBe(`${P}/SIHSUS/200801_/Dados`);
    expect(parsePath('/data/mirror/SIHSUS/200801_/Dados/RDSP2401.dbc').dataset).toBe('sih-rd');
    expect(parsePath('RDSP2401.dbc')).toMatchObject({ dataset: 'sih-rd', folder: null, role: null });
  });

  it('picks the folder whose period holds a bare name, and refuses to guess between datasets', () => {
    expect(parsePath('DOFET96.DBC').dataset).toBe('sim-dofet-cid10');
    expect(parsePath('DOFET95.DBC').dataset).toBe('sim-dofet-cid09');
    expect(parsePath('RDAC9201.dbc')).toMatchObject({ dataset: 'sih-rd', year: 1992 });
  });

  it('rejects impossible values instead of misreading them', () => {
    expect(parsePath(`${P}/SIHSUS/200801_/Dados/RDAC0813.dbc`).dataset).toBeNull(); // month 13
    expect(parsePath(`${P}/SIHSUS/200801_/Dados/RDXX0801.dbc`).dataset).toBeNull(); // XX is no UF
    expect(parsePath(`${P}/SIASUS/200801_/Dados/PASP2401e.dbc`).dataset).toBeNull(); // parts go to d
    expect(parsePath(`${P}/CNES/200508_/Dados/EF/EFufAAmm.dbc`)).toMatchObject({ dataset: null, system: 'CNES', kind: 'data' });
  });

  it('classifies auxiliary and documentation folders', () => {
    expect(parsePath(`${P}/SIHSUS/200801_/Auxiliar/TAB_SIH.zip`)).toMatchObject({ dataset: null, system: 'SIH', kind: 'auxiliary' });
    expect(parsePath(`${P}/SIM/CID10/DOCS/Estrutura_do_SIM_2025.pdf`)).toMatchObject({ system: 'SIM', kind: 'documentation' });
    expect(parsePath(`${P}/SIM/CID10/TABELAS/CID10.DBF`)).toMatchObject({ dataset: null, system: 'SIM', kind: 'auxiliary' });
  });

  it('never throws on garbage', () => {
    for (const input of ['', '/', '.', '....', '/dissemin/publicos/', 'ñ/ü.dbc', '\u0000', 'x'.repeat(10_000)]) {
      expect(parsePath(input).dataset).toBeNull();
    }
  });

  it('never throws, and whatever it classifies has a consistent shape (seeded)', () => {
    const segment = fc.constantFrom('dissemin', 'publicos', 'SIHSUS', '200801_', 'Dados', 'SINAN', 'DADOS', 'FINAIS', 'CNES', 'ST', 'x', '');
    const name = fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^[A-Z]{2,6}[0-9]{2,6}[a-d_0-9]{0,2}\.(dbc|DBC|dbf)$/));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), name, (segments, file) => {
        const parsed = parsePath([...segments, file].join('/'));
        if (parsed.dataset !== null) {
          expect(parsed.system).not.toBeNull();
          expect(parsed.month === null || (parsed.month >= 1 && parsed.month <= 12)).toBe(true);
          expect(parsed.year === null || (parsed.year >= 1970 && parsed.year <= 2099)).toBe(true);
        }
      }),
      { seed: 1979, numRuns: 3000 },
    );
  });
});

describe('two-digit years', () => {
  it('uses a fixed pivot: 70–99 → 19YY, 00–69 → 20YY', () => {
    expect([expandYear('69'), expandYear('70'), expandYear('79'), expandYear('99'), expandYear('00')]).toEqual([2069, 1970, 1979, 1999, 2000]);
    expect(expandYear('2024')).toBe(2024);
    expect(expandYear('70', 2000)).toBe(2070);
  });
});
