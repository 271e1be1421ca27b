import { describe, expectTypeOf, it } from 'vitest';
import type { ListingEntry as CatalogListingEntry, Resolution } from '../../src/catalog/index.js';
import { downloadFiles, openSource, type DownloadOptions, type DownloadReport, type ListingEntry, type RemoteFile, type Source } from '../../src/sources/index.js';

describe('sources and download types', () => {
  it('listings feed the catalog, and the catalog feeds downloads, without conversion', () => {
    // Source listings are catalog listings (plus isDirectory).
    expectTypeOf<ListingEntry>().toMatchTypeOf<CatalogListingEntry>();
    // Files the catalog resolves (modifiedAt: Date | null) are files to download.
    expectTypeOf<Resolution['files'][number]>().toMatchTypeOf<RemoteFile>();
    expectTypeOf<ListingEntry>().toMatchTypeOf<RemoteFile>();
  });

  it('downloadFiles takes a source, files, a folder and options, and returns a report', () => {
    expectTypeOf(downloadFiles).parameter(0).toEqualTypeOf<Source>();
    expectTypeOf(downloadFiles).parameter(1).toEqualTypeOf<readonly RemoteFile[]>();
    expectTypeOf(downloadFiles).parameter(2).toEqualTypeOf<string>();
    expectTypeOf(downloadFiles).parameter(3).toEqualTypeOf<DownloadOptions | undefined>();
    expectTypeOf(downloadFiles).returns.resolves.toEqualTypeOf<DownloadReport>();
    expectTypeOf(openSource).returns.toEqualTypeOf<Source>();
    // @ts-expect-error: files need a size to verify against
    void downloadFiles(openSource(), [{ path: '/x/A.dbc' }], 'data');
    // @ts-expect-error: concurrency is a number
    void downloadFiles(openSource(), [], 'data', { concurrency: '4' });
  });

  it('sources stream bytes and can be disposed', () => {
    expectTypeOf<ReturnType<Source['download']>>().toEqualTypeOf<AsyncIterable<Uint8Array>>();
    expectTypeOf<Source>().toMatchTypeOf<AsyncDisposable>();
  });
});
