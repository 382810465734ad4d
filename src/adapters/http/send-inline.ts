import type { Response } from 'express';
import type { StoredDocumentMeta } from '../../ports/document-store.js';

/**
 * A stored file for the browser to show in place: its type from its bytes, never sniffed again,
 * never cached, and sandboxed, so an image or PDF opened from the console cannot run scripts on
 * the console's origin. Every route that serves a citizen's document answers through this.
 */
export function sendInline(
  res: Response,
  meta: Pick<StoredDocumentMeta, 'contentType' | 'filename'>,
  bytes: Buffer,
): void {
  res.set({
    'Content-Type': meta.contentType,
    'Content-Length': String(bytes.length),
    'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(meta.filename)}`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  });
  res.end(bytes);
}
