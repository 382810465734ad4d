import type { Readable } from 'node:stream';
import { downloadMediaMessage, type WAMessage } from '@whiskeysockets/baileys';
import type { Logger } from '../../config/logger.js';

/** Thrown when a file is bigger than allowed; the use case turns `code: 'TOO_BIG'` into a polite refusal. */
export class FileTooBigError extends Error {
  override readonly name = 'FileTooBigError';
  readonly code = 'TOO_BIG';
  constructor(readonly maxBytes: number) {
    super(`file is bigger than ${maxBytes} bytes`);
  }
}

/**
 * A media download that did not complete (WhatsApp's media server, a time-out, a file that
 * fails to decrypt). The use case releases the message so handling it again can succeed.
 */
export class MediaDownloadError extends Error {
  override readonly name = 'MediaDownloadError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** What downloading needs: Baileys' re-upload request (an expired media link) and a time-out. */
export interface DownloadDeps {
  reuploadRequest: (m: WAMessage) => Promise<WAMessage>;
  logger: Logger;
  timeoutMs: number;
}

/**
 * Downloads and decrypts one media message with Baileys, reading no more than `maxBytes` (the
 * announced `fileLength` can lie) and giving up after `timeoutMs` for the whole transfer.
 */
export async function downloadMedia(m: WAMessage, maxBytes: number, deps: DownloadDeps): Promise<Buffer> {
  let stream: Readable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MediaDownloadError('media download timed out')), deps.timeoutMs);
  });
  const work = (async () => {
    try {
      stream = await downloadMediaMessage(
        m,
        'stream',
        {},
        { reuploadRequest: deps.reuploadRequest, logger: deps.logger },
      );
    } catch (err) {
      throw new MediaDownloadError('media download failed', { cause: err });
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) throw new FileTooBigError(maxBytes);
        chunks.push(chunk);
      }
    } catch (err) {
      if (err instanceof FileTooBigError) throw err;
      throw new MediaDownloadError('media download interrupted', { cause: err });
    }
    return Buffer.concat(chunks);
  })();
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
    stream?.destroy();
    work.catch(() => undefined);
  }
}
