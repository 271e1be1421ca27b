/**
 * The download manager: verified, resumable, concurrent downloads from any source, with a
 * completeness report.
 *
 * @module
 */
export { downloadFiles } from './download-files.js';
export type { DownloadOptions, DownloadProgress, DownloadReport, FailedFile, FetchedFile, PresentFile, RemoteFile, RetryEvent } from './types.js';
export { renderReport, summarizeReport } from './report.js';
export type { RenderReportOptions } from './report.js';
export { defaultVerify, sha256File, verifyDbcFile, verifyDbfFile } from './verify.js';
export type { VerifyFile, VerifyOptions, VerifyResult } from './verify.js';
export { readDownloadManifest, writeDownloadManifest, MANIFEST_NAME } from './manifest.js';
export type { DownloadManifest, ManifestEntry } from './manifest.js';
export { backoffDelay } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export { withStallTimeout } from './stall.js';
export type { StallOptions } from './stall.js';
