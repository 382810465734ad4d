import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encryptedStream, type WAMessage } from '@whiskeysockets/baileys';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  downloadMedia,
  FileTooBigError,
  MediaDownloadError,
} from '../../../src/adapters/whatsapp/download.js';
import { incoming, silentLogger } from './helpers.js';

const FILES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'files');

/**
 * A stand-in for WhatsApp's media server: serves media encrypted by Baileys' own
 * `encryptedStream`, so the download path decrypts exactly what a phone would have uploaded.
 */
describe('downloadMedia (Baileys decryption against a local media server)', () => {
  let server: Server;
  let base = '';
  const served = new Map<string, Buffer>();
  let photo: Buffer;
  let media: Awaited<ReturnType<typeof encryptedStream>>;

  beforeAll(async () => {
    // A real JPEG header followed by 200 KB, so the download arrives in many chunks.
    photo = Buffer.concat([await readFile(path.join(FILES, 'foto-ktp.jpg')), randomBytes(200_000)]);
    media = await encryptedStream(photo, 'image');
    served.set('/m/photo.enc', await readFile(media.encFilePath));
    server = createServer((req, res) => {
      if (req.url === '/m/slow') return; // never answers
      const body = served.get(req.url ?? '');
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(media.encFilePath, { force: true });
  });

  const imageAt = (url: string): WAMessage =>
    incoming({
      imageMessage: {
        url,
        mediaKey: media.mediaKey,
        mimetype: 'image/jpeg',
        fileLength: media.fileLength,
        fileSha256: media.fileSha256,
        fileEncSha256: media.fileEncSha256,
        caption: 'KTP saya',
      },
    });
  const deps = {
    reuploadRequest: (m: WAMessage) => Promise.resolve(m),
    logger: silentLogger,
    timeoutMs: 2000,
  };

  it('should download and decrypt the exact bytes the citizen sent', async () => {
    const bytes = await downloadMedia(imageAt(`${base}/m/photo.enc`), 5 * 1024 * 1024, deps);
    expect(bytes.length).toBe(photo.length);
    expect(bytes.equals(photo)).toBe(true);
  });

  it('should stop reading at the limit however big the file says it is', async () => {
    const tooBig = downloadMedia(imageAt(`${base}/m/photo.enc`), 100_000, deps);
    await expect(tooBig).rejects.toBeInstanceOf(FileTooBigError);
    await expect(tooBig).rejects.toMatchObject({ code: 'TOO_BIG', maxBytes: 100_000 });
    // Exactly at the limit is fine.
    expect((await downloadMedia(imageAt(`${base}/m/photo.enc`), photo.length, deps)).length).toBe(
      photo.length,
    );
  });

  it('should report a missing file and a stalled server as a download failure', async () => {
    await expect(downloadMedia(imageAt(`${base}/m/gone.enc`), 1e6, deps)).rejects.toBeInstanceOf(
      MediaDownloadError,
    );
    const slow = downloadMedia(imageAt(`${base}/m/slow`), 1e6, { ...deps, timeoutMs: 200 });
    await expect(slow).rejects.toThrow('timed out');
  });
});
