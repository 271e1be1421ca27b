// The README's builder example compiles as written (and its two error lines fail as the README says).
import { count, sum, sus } from '../../src/index.js';

export async function readmeExample(): Promise<void> {
  await sus.sih
    .rd()
    .uf('SP')
    .year(2023)
    .month(1)
    .where('VAL_TOT', '>', 1000)
    .groupBy('MUNIC_RES')
    .agg({ admissions: count(), paid: sum('VAL_TOT') })
    .orderBy('paid', 'desc')
    .collect();
  // @ts-expect-error — Type 'MonthRequiredBeforeCollect' has no call signatures.
  void sus.sih.rd().year(2023).collect();
  // @ts-expect-error — not a SIM DO column
  sus.sim.do().uf('AC').select('CAUSABAS', 'VAL_TOT');
}
