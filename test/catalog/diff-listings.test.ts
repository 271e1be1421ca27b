import { describe, expect, it } from 'vitest';
import { diffListings } from '../../src/catalog/index.js';

const at = (iso: string): Date => new Date(iso);

describe('diffListings', () => {
  it('reports added, removed, size and time changes', () => {
    const older = [
      { path: '/a/KEEP.dbc', size: 10, modifiedAt: at('2025-01-01T00:00:00Z') },
      { path: '/a/GROW.dbc', size: 10, modifiedAt: at('2025-01-01T00:00:00Z') },
      { path: '/a/TOUCH.dbc', size: 10, modifiedAt: at('2025-01-01T00:00:00Z') },
      { path: '/a/GONE.dbc', size: 10 },
    ];
    const newer = [
      { path: '/a/KEEP.dbc', size: 10, modifiedAt: at('2025-01-01T00:00:00Z') },
      { path: '/a/GROW.dbc', size: 11, modifiedAt: at('2025-01-01T00:00:00Z') },
      { path: '/a/TOUCH.dbc', size: 10, modifiedAt: at('2026-01-01T00:00:00Z') },
      { path: '/a/NEW.dbc', size: 5 },
    ];
    const d = diffListings(older, newer);
    expect(d.added.map((e) => e.path)).toEqual(['/a/NEW.dbc']);
    expect(d.removed.map((e) => e.path)).toEqual(['/a/GONE.dbc']);
    expect(d.changed.map((c) => [c.path, c.sizeChanged, c.timeChanged])).toEqual([
      ['/a/GROW.dbc', true, false],
      ['/a/TOUCH.dbc', false, true],
    ]);
    expect(d.unchanged).toBe(1);
  });

  it('treats a change of letter case as the same file (the server is case-insensitive)', () => {
    const d = diffListings([{ path: '/a/X.DBC', size: 1 }], [{ path: '/a/X.dbc', size: 1 }]);
    expect([d.added.length, d.removed.length, d.changed.length, d.unchanged]).toEqual([0, 0, 0, 1]);
  });

  it('ignores times when one side has none', () => {
    const d = diffListings([{ path: '/a/X.dbc', size: 1 }], [{ path: '/a/X.dbc', size: 1, modifiedAt: at('2026-01-01T00:00:00Z') }]);
    expect(d.changed).toEqual([]);
  });
});
