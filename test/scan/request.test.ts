import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/catalog/index.js';
import { TYPED_SYSTEMS, toCatalogRequest } from '../../src/scan/request.js';

describe('typed scan requests', () => {
  it('list exactly the catalog groups of each typed system, with the catalog granularity', () => {
    for (const [system, spec] of Object.entries(TYPED_SYSTEMS)) {
      const datasets = DATASETS.filter((d) => d.system === system.toUpperCase() && d.granularity === spec.granularity);
      expect([...new Set(datasets.map((d) => d.group))].sort(), system).toEqual([...spec.groups].sort());
    }
  });

  it('become catalog requests', () => {
    expect(toCatalogRequest({ system: 'sim', group: 'DO', uf: 'AC', year: 2022 })).toEqual({ system: 'SIM', group: 'DO', uf: ['AC'], year: 2022 });
  });
});
