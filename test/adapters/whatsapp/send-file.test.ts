import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { WhatsAppChannel } from '../../../src/adapters/whatsapp/channel.js';
import { CITIZEN_JID, fakeSocketChannel } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

describe("an officer's file on WhatsApp (fake socket with a real Baileys event emitter)", () => {
  let channel: WhatsAppChannel | undefined;
  afterEach(async () => {
    await channel?.stop();
    channel = undefined;
  });

  it('should reach the citizen as a named document, a photo as an image, and wait for a connection', async () => {
    const made = fakeSocketChannel();
    channel = made.channel;
    const { sockets } = made;
    await channel.start();
    const pdf = fixture('surat.pdf');
    const file = { bytes: pdf, filename: 'formulir.pdf', contentType: 'application/pdf', caption: 'Isi ya' };
    expect(await channel.sender.sendFile?.('6281234567890', file)).toMatchObject({
      ok: false,
      reason: 'retry',
    });
    sockets.last().open();
    const send = channel.sender.sendFile!.bind(channel.sender);
    expect(await send('6281234567890', file)).toMatchObject({ ok: true });
    const png = fixture('foto-kk.png');
    expect(
      await send(CITIZEN_JID, { bytes: png, filename: 'contoh.png', contentType: 'image/png' }),
    ).toMatchObject({ ok: true });
    expect(sockets.last().files).toEqual([
      {
        jid: CITIZEN_JID,
        content: { document: pdf, mimetype: 'application/pdf', fileName: 'formulir.pdf', caption: 'Isi ya' },
      },
      { jid: CITIZEN_JID, content: { image: png, mimetype: 'image/png' } },
    ]);
  });
});
