/**
 * Republication detection: what changed between two listings of the same server.
 *
 * Paths are compared case-insensitively, because the DataSUS server is: a file whose extension went
 * from `.DBC` to `.dbc` between crawls is the same file (reported as changed only if its size or time
 * moved), not one removal plus one addition.
 *
 * @module
 */
import type { ListingChange, ListingDiff, ListingEntry } from './types.js';

const keyOf = (path: string): string => path.toUpperCase();

/**
 * Compares two listings: entries only in `newer` are added, only in `older` removed; entries in both are
 * changed when the size differs or both carry a modification time and the times differ.
 *
 * @example
 * ```ts
 * const d = diffListings(
 *   [{ path: '/a/X.dbc', size: 1 }, { path: '/a/Y.dbc', size: 2 }],
 *   [{ path: '/a/X.dbc', size: 5 }, { path: '/a/Z.dbc', size: 3 }],
 * );
 * [d.added.length, d.removed.length, d.changed.length]; // [1, 1, 1]
 * ```
 */
export function diffListings(older: Iterable<ListingEntry>, newer: Iterable<ListingEntry>): ListingDiff {
  const before = new Map<string, ListingEntry>();
  for (const entry of older) before.set(keyOf(entry.path), entry);
  const added: ListingEntry[] = [];
  const changed: ListingChange[] = [];
  let unchanged = 0;
  const seen = new Set<string>();
  for (const after of newer) {
    const key = keyOf(after.path);
    seen.add(key);
    const previous = before.get(key);
    if (previous === undefined) {
      added.push(after);
      continue;
    }
    const sizeChanged = previous.size !== after.size;
    const timeChanged =
      previous.modifiedAt !== undefined && after.modifiedAt !== undefined && previous.modifiedAt.getTime() !== after.modifiedAt.getTime();
    if (sizeChanged || timeChanged) changed.push({ path: after.path, before: previous, after, sizeChanged, timeChanged });
    else unchanged += 1;
  }
  const removed: ListingEntry[] = [];
  for (const [key, entry] of before) if (!seen.has(key)) removed.push(entry);
  return { added, removed, changed, unchanged };
}
