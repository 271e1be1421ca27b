import type { Table } from 'apache-arrow';
import { describe, expectTypeOf, it } from 'vitest';
import type { SIA_PA} from '../../src/query/index.js';
import { count, createSus, sum, type DatasetQuery, type MonthRequiredBeforeCollect, type YearRequiredBeforeCollect } from '../../src/query/index.js';

const sus = createSus<Table>();

describe('required parameters', () => {
  it('a monthly dataset needs year and month before collect', () => {
    // @ts-expect-error — Type 'YearRequiredBeforeCollect' has no call signatures.
    void sus.sih.rd().collect();
    // @ts-expect-error — Type 'MonthRequiredBeforeCollect' has no call signatures.
    void sus.sih.rd().year(2023).collect();
    // @ts-expect-error — Type 'YearRequiredBeforeCollect' has no call signatures.
    void sus.cnes.st().month(1).uf('SP').collect();
    expectTypeOf(sus.sih.rd().year(2023).collect).toEqualTypeOf<MonthRequiredBeforeCollect>();
    expectTypeOf(sus.sih.rd().month(1).collect).toEqualTypeOf<YearRequiredBeforeCollect>();
    expectTypeOf(sus.sih.rd().uf('SP').year(2023).month(1).collect()).toEqualTypeOf<Promise<Table>>();
    expectTypeOf(sus.sih.rd().month({ from: 1, to: 3 }).year([2022, 2023]).collect()).toEqualTypeOf<Promise<Table>>();
  });

  it('a yearly dataset needs a year and takes no month', () => {
    // @ts-expect-error — Type 'YearRequiredBeforeCollect' has no call signatures.
    void sus.sim.do().uf('AC').collect();
    expectTypeOf(sus.sim.do().year(2022).collect()).toEqualTypeOf<Promise<Table>>();
    // @ts-expect-error — month() takes `never` on yearly datasets
    void sus.sinasc.dn().year(2022).month(1);
  });

  it('order of calls does not matter, and state survives other calls', () => {
    const q = sus.sia.pa().select('PA_UFMUN', 'PA_VALAPR').year(2024).where('PA_VALAPR', '>', 0).month(1);
    expectTypeOf(q).toEqualTypeOf<DatasetQuery<typeof SIA_PA, 'monthly', true, true, Table>>();
  });
});

describe('columns', () => {
  it('accepts known columns and the partition columns', () => {
    sus.sih.rd().select('MUNIC_RES', 'VAL_TOT', 'uf', 'year', 'month');
    sus.sim.do().groupBy('CAUSABAS', 'uf').agg({ n: count(), idade: count('IDADE') });
    sus.sih.rd().groupBy('MUNIC_RES').agg({ total: sum('VAL_TOT') });
  });

  it('rejects unknown columns', () => {
    // @ts-expect-error — not a SIH RD column
    sus.sih.rd().select('NOT_A_COLUMN');
    // @ts-expect-error — CAUSABAS is a SIM column, not SIH
    sus.sih.rd().where('CAUSABAS', '=', 'I219');
    // @ts-expect-error — not a column for an aggregate
    sus.sih.rd().agg({ total: sum('VALOR') });
  });

  it('types values by column', () => {
    sus.sih.rd().where('VAL_TOT', '>', 1000).where('DIAG_PRINC', 'like', 'I21%').where('uf', 'in', ['SP', 'RJ']);
    // @ts-expect-error — VAL_TOT is a number
    sus.sih.rd().where('VAL_TOT', '>', '1000');
    // @ts-expect-error — MUNIC_RES is text
    sus.sih.rd().where('MUNIC_RES', '=', 355030);
    // @ts-expect-error — LIKE only on text columns
    sus.sih.rd().where('VAL_TOT', 'like', '1%');
  });

  it('falls back to strings for tables without a known column list', () => {
    sus.table('sinan_tube').select('ANY_COLUMN').where('OTHER', '=', 'x');
    // @ts-expect-error — an unknown table still needs a year
    void sus.table('sinan_tube').collect();
    expectTypeOf(sus.table<'static'>('base_territorial_conversao').collect()).toEqualTypeOf<Promise<Table>>();
  });
});
