import { describe, expectTypeOf, it } from 'vitest';
import { fileNameFor, parsePath, resolveRequest } from '../../src/catalog/index.js';
import type { CatalogRequest, ListingEntry, ParsedPath, Resolution, SystemCode } from '../../src/catalog/index.js';

describe('catalog types', () => {
  it('parsePath returns nullable fields and a closed kind', () => {
    expectTypeOf(parsePath).returns.toEqualTypeOf<ParsedPath>();
    expectTypeOf<ParsedPath['dataset']>().toEqualTypeOf<string | null>();
    expectTypeOf<ParsedPath['year']>().toEqualTypeOf<number | null>();
    expectTypeOf<ParsedPath['kind']>().toEqualTypeOf<'data' | 'auxiliary' | 'documentation'>();
    expectTypeOf<ParsedPath['system']>().toEqualTypeOf<SystemCode | null>();
  });

  it('requests need a system and take years as a number, a list or a range', () => {
    expectTypeOf({ system: 'SIH', group: 'RD', year: { from: 2020, to: 2024 } }).toMatchTypeOf<CatalogRequest>();
    expectTypeOf({ system: 'SIM', year: [1995, 1996] }).toMatchTypeOf<CatalogRequest>();
    // @ts-expect-error: the system is required
    resolveRequest({ group: 'RD' }, []);
    // @ts-expect-error: years are numbers, not strings
    resolveRequest({ system: 'SIH', group: 'RD', year: '2024' }, []);
    // @ts-expect-error: listing entries need a size
    resolveRequest({ system: 'SIH', group: 'RD' }, [{ path: '/x/RDAC0801.dbc' }]);
    expectTypeOf(resolveRequest).returns.toEqualTypeOf<Resolution>();
    expectTypeOf<ListingEntry['modifiedAt']>().toEqualTypeOf<Date | undefined>();
  });

  it('fileNameFor returns the candidate names', () => {
    expectTypeOf(fileNameFor).returns.toEqualTypeOf<string[]>();
  });
});
