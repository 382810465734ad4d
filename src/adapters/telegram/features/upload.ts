import { Composer, GrammyError, type Context } from 'grammy';
import type { PhotoSize } from 'grammy/types';
import type { InboundFile } from '../../../app/inbound.js';
import type { Deliver } from '../deliver.js';
import { FileDownloadError, FileTooBigError, downloadLimited, type FetchFn } from '../download.js';

/** Where and how files are downloaded. */
export interface UploadDeps {
  token: string;
  apiRoot: string;
  fetch: FetchFn;
  timeoutMs: number;
}

/**
 * Photos (the largest size), documents, voice notes and audio messages become lazy
 * `InboundFile`s: the use case checks the announced size first and only then asks for the bytes
 * (getFile, then a limited download). A voice note is marked so: it is kept only for an officer.
 */
export function uploadFeature(deliver: Deliver, deps: UploadDeps): Composer<Context> {
  const composer = new Composer();
  composer.on('message:photo', async (ctx) => {
    const photo = largest(ctx.msg.photo);
    if (!photo) return;
    const file = inboundFile(ctx, deps, photo.file_id, `foto-${photo.file_unique_id}.jpg`, photo.file_size);
    await deliver(ctx, { kind: 'file', file });
  });
  composer.on('message:document', async (ctx) => {
    const doc = ctx.msg.document;
    const file = inboundFile(
      ctx,
      deps,
      doc.file_id,
      doc.file_name ?? `dokumen-${doc.file_unique_id}`,
      doc.file_size,
    );
    await deliver(ctx, { kind: 'file', file });
  });
  composer.on(['message:voice', 'message:audio'], async (ctx) => {
    const voice = ctx.msg.voice;
    const audio = ctx.msg.audio;
    const media = voice ?? audio;
    if (!media) return;
    const name = voice
      ? `pesan-suara-${voice.file_unique_id}.ogg`
      : (audio?.file_name ?? `audio-${media.file_unique_id}`);
    const file = inboundFile(ctx, deps, media.file_id, name, media.file_size);
    await deliver(ctx, { kind: 'file', file: { ...file, voice: true } });
  });
  return composer;
}

function largest(sizes: PhotoSize[]): PhotoSize | undefined {
  return sizes.reduce<PhotoSize | undefined>(
    (best, p) => (!best || p.width * p.height > best.width * best.height ? p : best),
    undefined,
  );
}

function inboundFile(
  ctx: Context,
  deps: UploadDeps,
  fileId: string,
  filename: string,
  size: number | undefined,
): InboundFile {
  const caption = ctx.message?.caption;
  return {
    filename,
    ...(size !== undefined ? { announcedSize: size } : {}),
    ...(caption ? { caption } : {}),
    fetch: async (maxBytes) => {
      let path: string | undefined;
      try {
        const info = await withTimeout(ctx.api.getFile(fileId), deps.timeoutMs);
        if (info.file_size !== undefined && info.file_size > maxBytes) throw new FileTooBigError(maxBytes);
        path = info.file_path;
      } catch (err) {
        if (err instanceof FileTooBigError) throw err;
        // The public Bot API serves at most 20 MB and says so here.
        if (err instanceof GrammyError && /file is too big/i.test(err.description))
          throw new FileTooBigError(maxBytes);
        throw new FileDownloadError('getFile failed', undefined, { cause: err });
      }
      if (!path) throw new FileDownloadError('getFile returned no file_path');
      const url = `${deps.apiRoot}/file/bot${deps.token}/${path}`;
      return downloadLimited(deps.fetch, url, maxBytes, deps.timeoutMs);
    },
  };
}

/** getFile bounded by the download time-out; a late answer is simply ignored. */
async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('getFile timed out')), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
