import { describe, expectTypeOf, it } from 'vitest';
import { scan, type Scan } from '../../src/scan/scan.js';
import type { ScanRequest } from '../../src/scan/request.js';

describe('ScanRequest types', () => {
  it('accepts well-formed requests', () => {
    expectTypeOf(scan({ system: 'sih', group: 'RD', uf: ['SP', 'RJ'], year: 2023, month: [1, 2, 3] })).toEqualTypeOf<Scan>();
    expectTypeOf(scan({ system: 'sim', group: 'DO', uf: 'SP', year: { from: 2015, to: 2023 } })).toEqualTypeOf<Scan>();
    expectTypeOf(scan({ system: 'ciha', uf: 'RS', year: 2013, month: 7 })).toEqualTypeOf<Scan>();
    expectTypeOf(scan({ system: 'sinan', group: 'DENG', uf: 'BR', year: 2024 })).toEqualTypeOf<Scan>();
  });

  it('rejects what the catalog forbids', () => {
    // @ts-expect-error SIM is yearly: a month does not compile.
    scan({ system: 'sim', group: 'DO', uf: 'SP', year: 2020, month: 1 });
    // @ts-expect-error SIH is monthly: the month is required.
    scan({ system: 'sih', group: 'RD', uf: 'SP', year: 2023 });
    // @ts-expect-error The year is always required.
    scan({ system: 'sinasc', group: 'DN', uf: 'SP' });
    // @ts-expect-error An unknown group.
    scan({ system: 'sih', group: 'XX', uf: 'SP', year: 2023, month: 1 });
    // @ts-expect-error An unknown UF.
    scan({ system: 'sim', group: 'DO', uf: 'ZZ', year: 2020 });
    // @ts-expect-error SIH needs its group.
    const missingGroup: ScanRequest = { system: 'sih', uf: 'SP', year: 2023, month: 1 };
    void missingGroup;
  });
});
