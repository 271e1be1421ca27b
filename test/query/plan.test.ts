import { describe, expect, it } from 'vitest';
import { avg, count, countDistinct, createSus, max, min, sum } from '../../src/query/index.js';

describe('builder → plan → SQL', () => {
  const sus = createSus();

  it('compiles partition selections into the forms the engines prune on', () => {
    const q = sus.sih.rd().uf('sp', 'RJ').year(2023).month({ from: 1, to: 3 }).select('MUNIC_RES', 'VAL_TOT').where('VAL_TOT', '>', 1000);
    expect(q.toSql()).toBe(
      `SELECT "MUNIC_RES", "VAL_TOT" FROM sih_rd WHERE uf IN ('SP', 'RJ') AND year = 2023 AND month BETWEEN 1 AND 3 AND "VAL_TOT" > 1000`,
    );
    expect(sus.sim.do().year([2021, 2022]).toSql()).toBe('SELECT * FROM sim_do WHERE year IN (2021, 2022)');
  });

  it('builds aggregates, conditions, order and limit; quotes literals', () => {
    const q = sus.sih
      .rd()
      .year(2016)
      .month(2)
      .where('DIAG_PRINC', 'like', "I2'1%")
      .where('SEXO', 'in', ['1', '3'])
      .where('CID_MORTE', 'is not null')
      .groupBy('MUNIC_RES')
      .agg({ n: count(), total: sum('VAL_TOT'), mean: avg('DIAS_PERM'), first: min('DT_INTER'), last: max('DT_SAIDA'), hospitals: countDistinct('CNES') })
      .orderBy('total', 'desc')
      .limit(10);
    expect(q.toSql()).toBe(
      'SELECT "MUNIC_RES", count(*) AS "n", sum("VAL_TOT") AS "total", avg("DIAS_PERM") AS "mean", min("DT_INTER") AS "first", ' +
        'max("DT_SAIDA") AS "last", count(DISTINCT "CNES") AS "hospitals" FROM sih_rd WHERE year = 2016 AND month = 2 AND ' +
        `"DIAG_PRINC" LIKE 'I2''1%' AND "SEXO" IN ('1', '3') AND "CID_MORTE" IS NOT NULL GROUP BY "MUNIC_RES" ORDER BY "total" DESC LIMIT 10`,
    );
  });

  it('never mutates: each call returns a new frozen plan', () => {
    const base = sus.cnes.st().uf('AC');
    const a = base.year(2024);
    const b = base.year(2023);
    expect(base.plan.year).toBeNull();
    expect([a.plan.year, b.plan.year]).toEqual([2024, 2023]);
    expect(Object.isFrozen(a.plan)).toBe(true);
    expect(() => sus.sih.rd().limit(-1)).toThrow(RangeError);
  });

  it('runs through the runner it was given', async () => {
    const seen: string[] = [];
    const mine = createSus({ run: async (sql) => (seen.push(sql), sql.length) });
    await expect(mine.sinasc.dn().uf('RR').year(2019).collect()).resolves.toBe(seen[0]?.length);
    expect(seen).toEqual(["SELECT * FROM sinasc_dn WHERE uf IN ('RR') AND year = 2019"]);
    await expect(sus.sinasc.dn().year(2019).collect()).rejects.toThrow(TypeError);
  });
});
